// Reference Socket.IO server (socket.io 4.8.4) exposing the handlers that the Java client's
// interop tests call. Options come from the environment; the chosen port is printed as
// "listening on <port>" once the server accepts connections.
'use strict';
const fs = require('fs');
const http = require('http');
const https = require('https');
const { Server } = require('socket.io');

const env = (name, fallback) => (process.env[name] !== undefined ? Number(process.env[name]) : fallback);

const sticky = process.env.STICKY === '1';
// TLS_PFX / TLS_PASSPHRASE: serve HTTPS with that PKCS#12 key store.
const httpServer = process.env.TLS_PFX
  ? https.createServer({ pfx: fs.readFileSync(process.env.TLS_PFX), passphrase: process.env.TLS_PASSPHRASE })
  : http.createServer();
const io = new Server(httpServer, {
  pingInterval: env('PING_INTERVAL', 25000),
  pingTimeout: env('PING_TIMEOUT', 20000),
  maxHttpBufferSize: env('MAX_PAYLOAD', 2000000),
  transports: process.env.TRANSPORTS ? process.env.TRANSPORTS.split(',') : ['polling', 'websocket'],
  connectionStateRecovery: process.env.RECOVERY === '1' ? { maxDisconnectionDuration: 60000 } : undefined,
  // STICKY=1: a cookie set at the handshake, as load balancers do for sticky sessions.
  cookie: sticky ? { name: 'io', httpOnly: true, path: '/' } : false,
  // A client asking for it with the query parameter reject=1 is refused with 403.
  allowRequest: (req, callback) => {
    const rejected = new URL(req.url, 'http://localhost').searchParams.get('reject') === '1';
    callback(rejected ? 'refused by allowRequest' : null, !rejected);
  },
});

// Counts the POSTs of each session; with STICKY=1, refuses requests of a session that come
// without its cookie or without the X-Api-Key header.
const postsBySid = new Map();
io.engine.use((req, res, next) => {
  const query = new URL(req.url, 'http://localhost').searchParams;
  const sid = query.get('sid');
  if (sid && req.method === 'POST') {
    postsBySid.set(sid, (postsBySid.get(sid) || 0) + 1);
  }
  if (sticky && sid && (!(req.headers.cookie || '').includes('io=' + sid) || !req.headers['x-api-key'])) {
    res.writeHead(400, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ code: 3, message: 'missing sticky cookie or api key' }));
    return;
  }
  next();
});

function stopResponding(socket) {
  const conn = socket.conn;
  clearTimeout(conn.pingIntervalTimer);
  clearTimeout(conn.pingTimeoutTimer);
  conn.schedulePing = () => {};
  conn.resetPingTimeout = () => {};
  const raw = conn.transport && conn.transport.socket && conn.transport.socket._socket;
  if (raw) {
    raw.pause();
  }
}

// Sequences by key, across the connections of a client (for chaos tests that reconnect).
const streams = new Map();

function registerHandlers(socket) {
  const stats = { count: 0, acksReceived: 0, pongs: 0, sequences: {}, receipts: [], tries: {} };
  socket.conn.on('packet', (packet) => {
    if (packet.type === 'pong') {
      stats.pongs++;
    }
    else if (packet.type === 'message' && typeof packet.data === 'string' && /^[36]/.test(packet.data)) {
      stats.acksReceived++;
    }
  });

  // A client can ask not to see its handshake echoed, e.g. to check that it logs no secret.
  const echoHandshake = socket.handshake.query.hideHandshake !== '1';
  socket.emit('welcome', {
    id: socket.id,
    engineId: socket.conn.id,
    namespace: socket.nsp.name,
    transport: socket.conn.transport.name,
    query: echoHandshake ? socket.handshake.query : {},
    auth: echoHandshake ? socket.handshake.auth : {},
    headers: { 'x-api-key': echoHandshake ? socket.handshake.headers['x-api-key'] || null : null },
  });

  socket.on('echo', (...args) => {
    const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    socket.emit('echo', ...args);
    if (ack) {
      ack(...args);
    }
  });
  socket.on('ack-several', (ack) => ack('a', 1, { b: true }, null, [1, 2]));
  socket.on('add', (a, b, ack) => ack(a + b));
  socket.on('size', (payload, ack) => ack(payload.length));
  socket.on('slow-ack', (ms, ack) => setTimeout(() => ack('late'), ms));
  socket.on('no-ack', () => {});
  socket.on('request-ack', (payload) => {
    socket.emit('server-request', payload, (...reply) => socket.emit('server-request-reply', ...reply));
  });
  socket.on('request-binary-ack', () => {
    socket.emit('server-binary-request', { data: Buffer.from([1, 2, 3]) }, (...reply) => {
      socket.emit('server-request-reply', ...reply);
    });
  });
  socket.on('binary', (ack) => {
    ack({ first: Buffer.from([0, 1, 2]), nested: { list: [Buffer.from('héllo', 'utf8'), 'text'] } });
  });
  socket.on('emit-binary', () => {
    socket.emit('binary', Buffer.from([9, 8, 7]), { inner: [Buffer.from([6, 5])] });
  });
  // Acknowledges the n-th receipt of a key only, to exercise retries; records every receipt.
  socket.on('ack-on-try', (key, n, ack) => {
    stats.receipts.push(key);
    const tries = (stats.tries[key] || 0) + 1;
    stats.tries[key] = tries;
    if (tries >= n && typeof ack === 'function') {
      ack(key, tries);
    }
  });
  // Records n in the stream of a key as the packet arrives, and acknowledges it; seq-report tells
  // what arrived. Recorded in a middleware, which runs on receipt: socket.io dispatches to handlers
  // on the next tick and drops the event when a DISCONNECT read in the same chunk came first
  // (socket.io issue 5213), which would hide whether the client delivered it.
  socket.use(([event, key, n], next) => {
    if (event === 'seq-ack') {
      const stream = streams.get(key) || { seen: new Set(), max: -1, ordered: true, received: 0 };
      streams.set(key, stream);
      stream.received++;
      if (!stream.seen.has(n)) {
        if (n < stream.max) {
          stream.ordered = false;
        }
        stream.seen.add(n);
        stream.max = Math.max(stream.max, n);
      }
    }
    next();
  });
  socket.on('seq-ack', (key, n, ack) => {
    if (typeof ack === 'function') {
      ack(n);
    }
  });
  socket.on('seq-report', (key, ack) => {
    const stream = streams.get(key) || { seen: new Set(), max: -1, ordered: true, received: 0 };
    ack({ distinct: stream.seen.size, max: stream.max, ordered: stream.ordered, received: stream.received });
  });
  // Emits count events to the namespace after a delay, e.g. while this client is cut off.
  socket.on('emit-later', (count, delay) => {
    const namespace = socket.nsp;
    setTimeout(() => {
      for (let i = 0; i < count; i++) {
        namespace.emit('later', i);
      }
    }, delay);
  });
  // A chat room for the sample application: every message goes to everyone, the sender gets an ack.
  socket.on('chat', (message, ack) => {
    const stamped = { author: String(message && message.author), text: String(message && message.text), at: Date.now() };
    socket.nsp.emit('chat', stamped);
    if (typeof ack === 'function') {
      ack({ delivered: true, at: stamped.at });
    }
  });
  socket.on('count', () => {
    stats.count++;
  });
  socket.on('seq', (thread, n) => {
    const seq = stats.sequences[thread] || (stats.sequences[thread] = { count: 0, ordered: true, last: -1 });
    seq.count++;
    if (n !== seq.last + 1) {
      seq.ordered = false;
    }
    seq.last = n;
  });
  socket.on('stats', (ack) => ack({
    count: stats.count,
    acksReceived: stats.acksReceived,
    pongs: stats.pongs,
    sequences: stats.sequences,
    posts: postsBySid.get(socket.conn.id) || 0,
    receipts: stats.receipts,
    transport: socket.conn.transport.name,
  }));
  socket.on('large', (size, ack) => {
    const text = '€'.repeat(size);
    socket.emit('large', text);
    if (typeof ack === 'function') {
      ack(text.length);
    }
  });
  socket.on('emit-many', (count, ...rest) => {
    const ack = typeof rest[rest.length - 1] === 'function' ? rest.pop() : null;
    for (let i = 0; i < count; i++) {
      socket.emit(rest[0] || 'many', i);
    }
    if (ack) {
      ack(count);
    }
  });
  // Emits events of count distinct names ('name-0', 'name-1', ...); acks once all are emitted.
  socket.on('emit-distinct', (count, ack) => {
    for (let i = 0; i < count; i++) {
      socket.emit('name-' + i, i);
    }
    ack(count);
  });
  // Emits 'many' with 0..count-1 in batches, one batch per turn of the event loop, so that a
  // long-polling client gets them in several payloads; acks once all are emitted.
  socket.on('emit-batches', (count, batch, ack) => {
    let next = 0;
    const emitBatch = () => {
      const end = Math.min(count, next + batch);
      for (; next < end; next++) {
        socket.emit('many', next);
      }
      if (next < count) {
        setImmediate(emitBatch);
      } else if (typeof ack === 'function') {
        ack(count);
      }
    };
    emitBatch();
  });
  socket.on('disconnect-me', (close) => socket.disconnect(close === true));
  // Tells the sockets of the namespace that asked for it (query watchPeers=1) why this one left, e.g.
  // 'client namespace disconnect'. Only those: a broadcast to every socket would cost n²/2 writes
  // when n sockets leave together, and keep the server busy for seconds after a load test.
  if (socket.handshake.query.watchPeers === '1') {
    socket.join('peer-watchers');
  }
  socket.on('disconnect', (reason) => socket.to('peer-watchers').emit('peer-disconnected', { id: socket.id, reason }));
  socket.on('go-silent', () => stopResponding(socket));
  // Drops the connection as a network failure would, then emits to the namespace while the
  // client is away (with RECOVERY=1 the server keeps those for the client's return).
  socket.on('drop-transport', (count) => {
    socket.conn.close();
    setTimeout(() => {
      for (let i = 0; i < count; i++) {
        socket.nsp.emit('missed', i);
      }
    }, 20);
  });
}

io.on('connection', registerHandlers);
io.of('/chat').on('connection', registerHandlers);
io.of('/rejecting').use((socket, next) => {
  const error = new Error('not authorized');
  error.data = { code: 401 };
  next(error);
});
io.of('/rejecting').on('connection', registerHandlers);
io.of('/auth').use((socket, next) => {
  if (socket.handshake.auth && socket.handshake.auth.token === 'secret-token') {
    next();
  } else {
    next(new Error('invalid token'));
  }
});
io.of('/auth').on('connection', registerHandlers);

// A backlog as deep as the kernel allows (Node's default is 511): a burst of 1,000 connects would
// overflow the default one, and each dropped SYN costs its client a second before it tries again.
httpServer.listen(env('PORT', 0), '127.0.0.1', 4096, () => {
  console.log(`listening on ${httpServer.address().port}`);
});

const shutdown = () => {
  io.close();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
