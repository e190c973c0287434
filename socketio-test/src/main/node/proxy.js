// A minimal forward HTTP proxy for the tests of the client's proxy support: it forwards
// absolute-form requests and prints "proxied <method> <path>" for each, and tunnels CONNECT
// requests (WebSocket and TLS through the proxy), printing "tunneled <host:port>" for each.
'use strict';
const http = require('http');
const net = require('net');

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

proxy.on('connect', (req, client, head) => {
  console.log(`tunneled ${req.url}`);
  const [host, port] = req.url.split(':');
  const upstream = net.connect(Number(port), host, () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
  client.on('error', () => upstream.destroy());
});

proxy.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`listening on ${proxy.address().port}`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
