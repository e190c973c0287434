// A minimal forward HTTP proxy for the tests of the client's proxy support: it forwards
// absolute-form requests and prints "proxied <method> <path>" for each.
'use strict';
const http = require('http');

const proxy = http.createServer((req, res) => {
  const target = new URL(req.url);
  console.log(`proxied ${req.method} ${target.pathname}`);
  const upstream = http.request(target, { method: req.method, headers: req.headers }, (response) => {
    res.writeHead(response.statusCode, response.headers);
    response.pipe(res);
  });
  upstream.on('error', () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(upstream);
});

proxy.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`listening on ${proxy.address().port}`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
