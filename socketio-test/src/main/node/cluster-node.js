// One node of a Socket.IO cluster (socket.io 4.8.4): several of these share rooms and broadcasts
// through Redis behind a load balancer, and each answers control requests on its own port (GET
// /control/..., JSON) that make it emit, report its clients or drop them. The environment chooses:
//   PORT             the port to listen on, 127.0.0.1 (required)
//   NODE_NAME        the name the node reports (default node-<port>)
//   ADAPTER          redis (default): @socket.io/redis-adapter, Redis PUB/SUB
//                    streams: @socket.io/redis-streams-adapter, with connection state recovery
//                    memory: socket.io's in-memory adapter, a node on its own
//   REDIS_URL        e.g. redis://127.0.0.1:6390 (required unless ADAPTER=memory)
//   RECOVERY=1       connection state recovery with the other adapters too (the redis adapter
//                    does not support it: a client then never comes back recovered)
//   PING_INTERVAL, PING_TIMEOUT (ms), TRANSPORTS (comma list, default polling,websocket)
// "listening on <port>" is printed once the node accepts connections and its Redis clients are
// connected and subscribed. Redis may go away and come back: the clients reconnect by themselves.
'use strict';
const http = require('http');
const { performance } = require('perf_hooks');
const { Server } = require('socket.io');

const env = (name, fallback) => (process.env[name] !== undefined ? Number(process.env[name]) : fallback);

function fail(message) {
  console.error(message);
  process.exit(2);
}

const PORT = env('PORT', NaN);
if (!Number.isInteger(PORT) || PORT <= 0 || PORT > 65535) {
  fail(`PORT must be a port number, not ${process.env.PORT}`);
}
const NODE_NAME = process.env.NODE_NAME || `node-${PORT}`;
const ADAPTER = process.env.ADAPTER || 'redis';
if (!['redis', 'streams', 'memory'].includes(ADAPTER)) {
  fail(`ADAPTER must be redis, streams or memory, not ${ADAPTER}`);
}
const REDIS_URL = process.env.REDIS_URL;
if (ADAPTER !== 'memory' && !REDIS_URL) {
  fail(`REDIS_URL is required with ADAPTER=${ADAPTER}`);
}
const RECOVERY = ADAPTER === 'streams' || process.env.RECOVERY === '1';
const NAMESPACES = ['/', '/admin'];
// The names socket.io refuses to emit (it throws).
const RESERVED_EVENTS = new Set([
  'connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener',
]);

// The Redis clients: commands (receipts, and the streams adapter's writes), and the redis
// adapter's pub and sub. Empty with ADAPTER=memory.
const redis = {};
// Receipts by key when there is no Redis (ADAPTER=memory).
const localReceipts = new Map();

// Logs the first error of an outage and the return, not every failed reconnection attempt.
function watch(client, role) {
  let down = false;
  client.on('error', (error) => {
    if (!down) {
      down = true;
      console.error(`redis ${role}: ${error.message}, reconnecting`);
    }
  });
  client.on('ready', () => {
    if (down) {
      down = false;
      console.error(`redis ${role}: reconnected`);
    }
  });
  return client;
}

async function connectRedis() {
  const { createClient } = require('redis');
  // The name lets the node find its own connections in CLIENT LIST (duplicates inherit it). The
  // default reconnect strategy retries forever, every min(50 ms × attempts, 500 ms), and commands
  // sent meanwhile wait in the offline queue.
  const name = `cluster-node-${NODE_NAME.replace(/[^\w-]/g, '_')}-${process.pid}`;
  redis.commands = watch(createClient({ url: REDIS_URL, name }), 'commands');
  if (ADAPTER === 'redis') {
    redis.pub = watch(redis.commands.duplicate(), 'pub');
    redis.sub = watch(redis.commands.duplicate(), 'sub');
  }
  await Promise.all(Object.values(redis).map((client) => client.connect()));
  return name;
}

function createRedisAdapter() {
  if (ADAPTER === 'redis') {
    return require('@socket.io/redis-adapter').createAdapter(redis.pub, redis.sub);
  }
  // It duplicates the client for its blocking XREAD and its PUB/SUB, and ignores their errors.
  return require('@socket.io/redis-streams-adapter').createAdapter(redis.commands);
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The adapters subscribe without telling when they are done: waits until Redis lists this node's
// private channel of every namespace, and with the streams adapter until its reader blocks in
// XREAD, so that no broadcast sent once "listening" is printed can pass this node by.
async function awaitAdapters(clientName) {
  const channelOf = (nsp) => (ADAPTER === 'redis'
    ? `socket.io-response#${nsp}#${io.of(nsp).adapter.uid}#`
    : `socket.io#${nsp}#${io.of(nsp).adapter.uid}#`);
  for (;;) {
    const counts = await redis.commands.sendCommand(['PUBSUB', 'NUMSUB', ...NAMESPACES.map(channelOf)]);
    const subscribed = counts.filter((value, i) => i % 2 === 1).every((count) => Number(count) > 0);
    const reading = ADAPTER !== 'streams' || (await redis.commands.sendCommand(['CLIENT', 'LIST']))
      .split('\n').some((line) => line.includes(` name=${clientName} `) && line.includes(' cmd=xread'));
    if (subscribed && reading) {
      return;
    }
    await delay(20);
  }
}

// Control requests go to this listener only: socket.io, attached after it, keeps /socket.io/.
const httpServer = http.createServer((req, res) => {
  handleControl(req, res).catch((error) => reply(res, 500, { error: error.message }));
});

// Created once Redis is connected, as the streams adapter writes through the client from the start.
let io;

function createIo(adapter) {
  io = new Server(httpServer, {
    pingInterval: env('PING_INTERVAL', 25000),
    pingTimeout: env('PING_TIMEOUT', 20000),
    transports: process.env.TRANSPORTS ? process.env.TRANSPORTS.split(',') : ['polling', 'websocket'],
    connectionStateRecovery: RECOVERY ? { maxDisconnectionDuration: 120000, skipMiddlewares: true } : undefined,
    adapter,
  });
  for (const name of NAMESPACES) {
    io.of(name).on('connection', registerHandlers);
  }
  io.engine.on('connection_error', (error) => {
    if (error.code === 1) {
      sessionErrors.unknownSid++;
    } else {
      sessionErrors.other++;
    }
  });
}

function reply(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

class BadRequest extends Error {}

// Reads the query parameters that the control endpoints share, refusing bad values.
function paramsOf(query) {
  const text = (name, required) => {
    const value = query.get(name);
    if (required && !value) {
      throw new BadRequest(`missing parameter ${name}`);
    }
    return value || undefined;
  };
  const count = (name, fallback) => {
    const raw = query.get(name);
    if (raw === null && fallback !== undefined) {
      return fallback;
    }
    const value = Number(raw);
    if (raw === null || raw === '' || !Number.isInteger(value) || value < 0) {
      throw new BadRequest(`parameter ${name} must be a non-negative integer, not ${raw}`);
    }
    return value;
  };
  const event = () => {
    const name = text('event', true);
    if (RESERVED_EVENTS.has(name)) {
      throw new BadRequest(`${name} is a reserved event name`);
    }
    return name;
  };
  const namespace = () => {
    const name = query.get('namespace') || '/';
    if (!NAMESPACES.includes(name)) {
      throw new BadRequest(`unknown namespace ${name}`);
    }
    return io.of(name);
  };
  const args = () => {
    let value;
    try {
      value = JSON.parse(query.get('args') || '[]');
    } catch (error) {
      throw new BadRequest(`args is not JSON: ${error.message}`);
    }
    if (!Array.isArray(value)) {
      throw new BadRequest('args must be a JSON array');
    }
    return value;
  };
  return { text, count, event, namespace, args };
}

// The latest sequence and ticks run, for /control/sequence-done and /control/ticks-done.
const runs = { sequence: { done: true, sent: 0 }, ticks: { done: true, sent: 0 } };

function startSequence(target, event, count, intervalMs) {
  const run = { done: count === 0, sent: 0 };
  runs.sequence = run;
  const emitNext = () => {
    target.emit(event, run.sent++);
    run.done = run.sent === count;
  };
  if (intervalMs === 0) {
    while (!run.done) {
      emitNext();
    }
  } else if (!run.done) {
    const timer = setInterval(() => {
      emitNext();
      if (run.done) {
        clearInterval(timer);
      }
    }, intervalMs);
  }
}

// Emits { seq, sentAtMicros } every everyMs until durationMs passed; the send time is in epoch
// microseconds, for a client on the same machine to measure the delivery latency.
function startTicks(target, event, everyMs, durationMs) {
  const run = { done: false, sent: 0 };
  runs.ticks = run;
  const start = performance.now();
  const tick = () => {
    if (performance.now() - start >= durationMs) {
      clearInterval(timer);
      run.done = true;
      return;
    }
    const sentAtMicros = Math.round((performance.timeOrigin + performance.now()) * 1000);
    target.emit(event, { seq: run.sent++, sentAtMicros });
  };
  const timer = setInterval(tick, Math.max(1, everyMs));
  tick();
}

async function receiptsOf(key) {
  if (!redis.commands) {
    return [...(localReceipts.get(key) || [])];
  }
  return (await redis.commands.lRange(`receipts:${key}`, 0, -1)).map(Number);
}

// Answers how many sockets, of every namespace, were connected.
function disconnectAll() {
  const sockets = NAMESPACES.flatMap((name) => [...io.of(name).sockets.values()]);
  for (const socket of sockets) {
    // Closing the connection of one socket already disconnected its sockets in other namespaces.
    if (socket.connected) {
      socket.disconnect(true);
    }
  }
  return sockets.length;
}

// Closes the Engine.IO connection of every socket, as a network cut would end it: the clients see
// "transport close" and reconnect by themselves (unlike after disconnect-all).
function dropTransports() {
  const connections = new Set(NAMESPACES.flatMap((name) => [...io.of(name).sockets.values()].map((s) => s.conn)));
  for (const connection of connections) {
    connection.close();
  }
  return connections.size;
}

// Requests refused because their session is unknown here (HTTP 400 "Session ID unknown"): what a
// client that lost its sticky cookie meets.
const sessionErrors = { unknownSid: 0, other: 0 };

async function handleControl(req, res) {
  const url = new URL(req.url, 'http://localhost');
  const p = paramsOf(url.searchParams);
  try {
    switch (url.pathname) {
      case '/control/health':
        return reply(res, 200, { node: NODE_NAME, adapter: ADAPTER });
      case '/control/broadcast':
        p.namespace().emit(p.event(), ...p.args());
        return reply(res, 200, { sent: true, node: NODE_NAME });
      case '/control/room':
        p.namespace().to(p.text('room', true)).emit(p.event(), ...p.args());
        return reply(res, 200, { sent: true, node: NODE_NAME });
      case '/control/sequence': {
        const room = p.text('room', false);
        const target = room ? p.namespace().to(room) : p.namespace();
        startSequence(target, p.event(), p.count('count'), p.count('intervalMs', 0));
        return reply(res, 200, { started: true });
      }
      case '/control/sequence-done':
        return reply(res, 200, runs.sequence);
      case '/control/ticks':
        startTicks(p.namespace(), p.event(), p.count('everyMs', 10), p.count('durationMs', 30000));
        return reply(res, 200, { started: true });
      case '/control/ticks-done':
        return reply(res, 200, runs.ticks);
      case '/control/clients':
        return reply(res, 200, { node: NODE_NAME, sids: [...p.namespace().sockets.keys()] });
      case '/control/receipts':
        return reply(res, 200, { receipts: await receiptsOf(p.text('key', true)) });
      case '/control/disconnect-all':
        return reply(res, 200, { disconnected: disconnectAll() });
      case '/control/drop-transports':
        return reply(res, 200, { dropped: dropTransports() });
      case '/control/session-errors':
        return reply(res, 200, sessionErrors);
      default:
        return reply(res, 404, { error: `unknown path ${url.pathname}` });
    }
  } catch (error) {
    if (error instanceof BadRequest) {
      return reply(res, 400, { error: error.message });
    }
    throw error;
  }
}

const ackOf = (args) => (typeof args[args.length - 1] === 'function' ? args.pop() : () => {});

// Appends n to the receipts of key, and acknowledges once Redis confirmed it: an emit that failed
// gets no ack, and the client sends it again.
function record(key, n, ack) {
  if (!redis.commands) {
    const list = localReceipts.get(key) || [];
    localReceipts.set(key, list);
    list.push(n);
    ack(n);
    return;
  }
  redis.commands.rPush(`receipts:${key}`, String(n)).then(
    () => ack(n),
    (error) => console.error(`record ${key} ${n}: ${error.message}`));
}

function registerHandlers(socket) {
  // How a client rejoins its rooms after a reconnection; a recovered socket has them already.
  const rooms = socket.handshake.auth && socket.handshake.auth.rooms;
  if (Array.isArray(rooms)) {
    socket.join(rooms.filter((room) => typeof room === 'string'));
  }
  socket.on('whoami', (...args) => ackOf(args)({
    node: NODE_NAME,
    sid: socket.id,
    namespace: socket.nsp.name,
    recovered: socket.recovered,
    rooms: [...socket.rooms],
  }));
  socket.on('record', (key, n, ...rest) => record(String(key), n, ackOf(rest)));
  socket.on('join', (room, ...rest) => {
    socket.join(room);
    ackOf(rest)(true);
  });
  socket.on('leave', (room, ...rest) => {
    socket.leave(room);
    ackOf(rest)(true);
  });
  socket.on('echo', (...args) => {
    const ack = ackOf(args);
    ack(...args);
  });
}

async function start() {
  if (ADAPTER === 'memory') {
    createIo(undefined);
  } else {
    const clientName = await connectRedis();
    createIo(createRedisAdapter());
    await awaitAdapters(clientName);
  }
  httpServer.on('error', (error) => {
    console.error(`cannot listen on ${PORT}: ${error.message}`);
    process.exit(1);
  });
  // A backlog as deep as the kernel allows, as in server.js: a burst of connects would overflow
  // Node's default of 511.
  httpServer.listen(PORT, '127.0.0.1', 4096, () => console.log(`listening on ${PORT}`));
}

// Closing lets the streams adapter store the sessions for their recovery on another node.
async function shutdown() {
  // QUIT waits in the offline queue while Redis is away: exit after two seconds anyway.
  setTimeout(() => process.exit(0), 2000).unref();
  if (io) {
    await io.close();
  }
  await Promise.allSettled(Object.values(redis).map((client) => client.quit()));
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

start().catch((error) => {
  console.error(`cannot start: ${error.stack}`);
  process.exit(1);
});
