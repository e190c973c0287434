// Socket.IO server of one generation (socket.io 2.5.1, 3.1.2 or 4.8.4) with the handlers of the
// interop contract that every generation server implements. The environment chooses:
//   SOCKETIO_VERSION  2 | 3 | 4 (default 4)
//   ALLOW_EIO3=1      3.x and 4.x: also accept Engine.IO 3 / Socket.IO protocol 4 clients
//   PORT, PING_INTERVAL, PING_TIMEOUT (ms), MAX_PAYLOAD (bytes)
// The chosen port is printed as "listening on <port>" once the server accepts connections.
'use strict';
const http = require('http');

const env = (name, fallback) => (process.env[name] !== undefined ? Number(process.env[name]) : fallback);

const PACKAGES = { 2: 'socket.io-v2', 3: 'socket.io-v3', 4: 'socket.io' };
const version = env('SOCKETIO_VERSION', 4);
if (!PACKAGES[version]) {
  console.error(`SOCKETIO_VERSION must be 2, 3 or 4, not ${process.env.SOCKETIO_VERSION}`);
  process.exit(2);
}

const options = {
  pingInterval: env('PING_INTERVAL', 25000),
  pingTimeout: env('PING_TIMEOUT', 20000),
  maxHttpBufferSize: env('MAX_PAYLOAD', 1000000),
  transports: ['polling', 'websocket'],
  cookie: false,
  allowEIO3: process.env.ALLOW_EIO3 === '1',
};

const httpServer = http.createServer();
// 2.x exports a factory, 3.x and 4.x the Server class.
const io = version === 2
  ? require(PACKAGES[2])(httpServer, options)
  : new (require(PACKAGES[version]).Server)(httpServer, options);

// The token this namespace connection carried: the CONNECT auth payload (Socket.IO protocol 5), or
// the query of a protocol 4 client (2.x merges the Engine.IO and namespace queries into it; 3.x and
// 4.x turn the namespace query of an EIO=3 client into the auth payload).
function tokenOf(socket) {
  const { auth, query } = socket.handshake;
  if (auth && auth.token !== undefined) {
    return auth.token;
  }
  const legacy = version === 2 || socket.conn.protocol === 3;
  return legacy && query && query.token !== undefined ? query.token : null;
}

function registerHandlers(socket) {
  // A client can ask not to see its token echoed, e.g. to check that it logs no secret.
  const hidden = socket.handshake.query && socket.handshake.query.hideHandshake === '1';
  socket.emit('welcome', { id: socket.id, namespace: socket.nsp.name, token: hidden ? null : tokenOf(socket) });
  socket.on('echo', (...args) => {
    const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    socket.emit('echo', ...args);
    if (ack) {
      ack(...args);
    }
  });
  socket.on('add', (a, b, ack) => ack(a + b));
  socket.on('binary', (ack) => ack({ first: Buffer.from([0, 1, 2]) }));
  socket.on('emit-binary', () => socket.emit('binary', Buffer.from([9, 8, 7]), { inner: [Buffer.from([6, 5])] }));
  socket.on('request-ack', (payload) => {
    socket.emit('server-request', payload, (...reply) => socket.emit('server-request-reply', ...reply));
  });
  socket.on('disconnect-me', () => socket.disconnect());
  // The load driver's events (./run-benchmarks --server node2|node3), as the reference server has them.
  let count = 0;
  socket.on('count', () => {
    count++;
  });
  socket.on('stats', (ack) => ack({ count }));
  socket.on('emit-many', (n) => {
    for (let i = 0; i < n; i++) {
      socket.emit('many', i);
    }
  });
}

// The error packet of Socket.IO protocol 4 carries one value: the error's data when it has some,
// else its message. There /rejecting refuses with the message only.
function refuse(socket, message, data) {
  const error = new Error(message);
  if (data !== undefined && version !== 2 && socket.conn.protocol !== 3) {
    error.data = data;
  }
  return error;
}

io.on('connection', registerHandlers);
io.of('/chat').on('connection', registerHandlers);
io.of('/auth').use((socket, next) => {
  next(tokenOf(socket) === 'secret-token' ? undefined : refuse(socket, 'invalid token'));
});
io.of('/auth').on('connection', registerHandlers);
io.of('/rejecting').use((socket, next) => next(refuse(socket, 'not authorized', { code: 401 })));
io.of('/rejecting').on('connection', registerHandlers);

httpServer.listen(env('PORT', 0), '127.0.0.1', () => {
  console.log(`listening on ${httpServer.address().port}`);
});

const shutdown = () => {
  io.close();
  process.exit(0);
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
