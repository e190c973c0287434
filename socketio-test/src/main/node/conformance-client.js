// Conformance client: runs the JavaScript reference client (socket.io-client 4.8.4, installed as the
// npm alias socket.io-client-v4) against a Socket.IO server that implements the handler contract of
// server.js, e.g. the Java in-JVM server under test.
//
// Environment: URL (e.g. http://127.0.0.1:1234) and MODE = websocket | polling | upgrade.
// Prints one JSON line per scenario on stdout, {"scenario": name, "ok": true|false, "detail": "..."},
// and exits 0 when every scenario passed, 1 when one failed, 2 on a usage error or when the overall
// 120 s watchdog fires (then the last line is {"scenario": "watchdog", "ok": false, ...}).
'use strict';
const { io, Manager } = require('socket.io-client-v4');

const SCENARIO_TIMEOUT_MS = 10000;
const WATCHDOG_MS = 120000;

const BASE = (process.env.URL || '').replace(/\/+$/, '');
const MODE = process.env.MODE || '';
const TRANSPORTS = { websocket: ['websocket'], polling: ['polling'], upgrade: ['polling', 'websocket'] }[MODE];
if (!BASE || !TRANSPORTS) {
  process.stderr.write('usage: URL=http://127.0.0.1:<port> MODE=websocket|polling|upgrade node conformance-client.js\n');
  process.exit(2);
}

function print(scenario, ok, detail) {
  process.stdout.write(JSON.stringify({ scenario, ok, detail }) + '\n');
}

function finish(code) {
  process.stdout.write('', () => process.exit(code));
}

let current = null;
const watchdog = setTimeout(() => {
  print('watchdog', false, `overall ${WATCHDOG_MS / 1000} s exceeded` + (current ? ` during ${current}` : ''));
  finish(2);
}, WATCHDOG_MS);

process.on('unhandledRejection', (error) => process.stderr.write(`unhandled rejection: ${error && error.stack}\n`));

function options(extra) {
  return { transports: TRANSPORTS, reconnection: false, timeout: 10000, forceNew: true, ...extra };
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---- comparison of received values with expected ones; Buffers in `expected` are compared by bytes.

function isBinary(value) {
  return Buffer.isBuffer(value) || value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function toBuffer(value) {
  if (Buffer.isBuffer(value)) {
    return value;
  }
  return value instanceof ArrayBuffer ? Buffer.from(value) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function describe(value) {
  if (value === undefined) {
    return 'undefined';
  }
  const text = JSON.stringify(value, function replacer(key, replaced) {
    const original = this[key];
    if (isBinary(original)) {
      return `<binary ${toBuffer(original).toString('hex')}>`;
    }
    return typeof original === 'function' ? '<function>' : replaced;
  });
  return text.length > 200 ? text.slice(0, 200) + '...' : text;
}

// Returns null when actual matches expected, else where and how they differ.
function difference(actual, expected, path) {
  const at = path || 'value';
  if (Buffer.isBuffer(expected)) {
    if (!isBinary(actual)) {
      return `${at}: expected binary ${expected.toString('hex')}, got ${describe(actual)}`;
    }
    return toBuffer(actual).equals(expected) ? null : `${at}: expected bytes ${expected.toString('hex')}, got ${toBuffer(actual).toString('hex')}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return `${at}: expected ${describe(expected)}, got ${describe(actual)}`;
    }
    for (let i = 0; i < expected.length; i++) {
      const found = difference(actual[i], expected[i], `${at}[${i}]`);
      if (found) {
        return found;
      }
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual) || isBinary(actual)) {
      return `${at}: expected ${describe(expected)}, got ${describe(actual)}`;
    }
    const keys = Object.keys(expected).sort();
    const actualKeys = Object.keys(actual).sort();
    if (keys.join(',') !== actualKeys.join(',')) {
      return `${at}: expected keys [${keys}], got [${actualKeys}] in ${describe(actual)}`;
    }
    for (const key of keys) {
      const found = difference(actual[key], expected[key], `${at}.${key}`);
      if (found) {
        return found;
      }
    }
    return null;
  }
  return Object.is(actual, expected) ? null : `${at}: expected ${describe(expected)}, got ${describe(actual)}`;
}

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function expectEqual(actual, expected, what) {
  const found = difference(actual, expected, what);
  if (found) {
    throw new Error(found);
  }
}

// ---- per-scenario context: tracks the sockets it opened and what happened to them.

class Context {
  constructor() {
    this.sockets = [];
    this.step = '';
    this.log = [];
  }

  // A socket of its own Manager (forceNew).
  open(namespace, extra) {
    return this.watch(io(BASE + namespace, options(extra)), namespace);
  }

  watch(socket, namespace) {
    this.sockets.push(socket);
    socket.on('connect_error', (error) => this.log.push(`${namespace} connect_error '${error && error.message}'`));
    socket.on('disconnect', (reason) => this.log.push(`${namespace} disconnect '${reason}'`));
    return socket;
  }

  // Resolves with the arguments of the next `event` of the emitter (a Socket or an Engine).
  event(emitter, event) {
    return new Promise((resolve) => emitter.once(event, (...args) => resolve(args)));
  }

  connected(socket) {
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(new Error(`connect_error '${error && error.message}'`)));
    });
  }

  refused(socket) {
    return new Promise((resolve, reject) => {
      socket.once('connect', () => reject(new Error(`connected as ${socket.id} although a refusal was expected`)));
      socket.once('connect_error', (error) => resolve(error));
    });
  }

  // Resolves with the arguments of the acknowledgement of the emitted event (callback form).
  ack(socket, event, ...args) {
    return new Promise((resolve) => socket.emit(event, ...args, (...reply) => resolve(reply)));
  }

  // step: what is awaited (a string, or a function returning one), named if the scenario times out.
  async expect(step, promise) {
    this.step = step;
    const value = await promise;
    this.step = '';
    return value;
  }

  closeAll() {
    for (const socket of this.sockets) {
      socket.disconnect();
    }
  }
}

// Connects to namespace and returns { socket, welcome } once both the connection and welcome arrived.
async function connectWithWelcome(ctx, namespace, extra) {
  const socket = ctx.open(namespace, extra);
  const welcome = ctx.event(socket, 'welcome');
  await ctx.expect(`connecting to ${namespace}`, ctx.connected(socket));
  const [data] = await ctx.expect(`welcome on ${namespace}`, welcome);
  return { socket, welcome: data };
}

// ---- scenarios

const scenarios = [];
const scenario = (name, fn) => scenarios.push({ name, fn });

scenario('connect', async (ctx) => {
  const socket = ctx.open('/');
  const welcome = ctx.event(socket, 'welcome');
  let upgraded = null;
  if (MODE === 'upgrade') {
    const engine = socket.io.engine;
    upgraded = new Promise((resolve, reject) => {
      engine.once('upgrade', (transport) => resolve(transport));
      engine.once('upgradeError', (error) => reject(new Error(`upgradeError '${error && error.message}'`)));
    });
    upgraded.catch(() => {});
  }
  await ctx.expect('connecting to /', ctx.connected(socket));
  const [data] = await ctx.expect('welcome on /', welcome);
  check(data && typeof data === 'object', `welcome carries ${describe(data)}`);
  expectEqual(data.namespace, '/', 'welcome.namespace');
  check(typeof socket.id === 'string' && socket.id.length > 0, `socket.id is ${describe(socket.id)}`);
  check(data.id === socket.id, `welcome.id ${describe(data.id)} differs from socket.id ${socket.id}`);
  const initial = MODE === 'websocket' ? ['websocket'] : MODE === 'polling' ? ['polling'] : ['polling', 'websocket'];
  check(initial.includes(data.transport), `welcome.transport is ${describe(data.transport)} in mode ${MODE}`);
  let detail = `id ${socket.id}, welcome.transport ${data.transport}`;
  if (upgraded) {
    const transport = await ctx.expect('engine upgrade', upgraded);
    check(transport && transport.name === 'websocket', `upgraded to ${transport && transport.name}`);
    check(socket.io.engine.transport.name === 'websocket',
      `engine transport is ${socket.io.engine.transport.name} after the upgrade`);
    const sum = await ctx.expect('add after the upgrade', socket.emitWithAck('add', 20, 22));
    expectEqual(sum, 42, 'add ack after the upgrade');
    detail += ', upgraded to websocket, add works after the upgrade';
  } else {
    check(socket.io.engine.transport.name === TRANSPORTS[0], `engine transport is ${socket.io.engine.transport.name}`);
  }
  return detail;
});

scenario('auth', async (ctx) => {
  const auth = { token: 'secret-token', extra: 'x' };
  const { welcome } = await connectWithWelcome(ctx, '/auth', { auth });
  expectEqual(welcome.namespace, '/auth', 'welcome.namespace');
  expectEqual(welcome.auth, auth, 'welcome.auth');
  return `welcome.auth ${describe(welcome.auth)}`;
});

scenario('auth-refused', async (ctx) => {
  const socket = ctx.open('/auth', { auth: { token: 'wrong' } });
  const error = await ctx.expect('connect_error on /auth', ctx.refused(socket));
  expectEqual(error.message, 'invalid token', 'connect_error message');
  check(!socket.connected, 'socket is connected after the refusal');
  return `connect_error '${error.message}'`;
});

scenario('refused-with-data', async (ctx) => {
  const socket = ctx.open('/rejecting');
  const error = await ctx.expect('connect_error on /rejecting', ctx.refused(socket));
  expectEqual(error.message, 'not authorized', 'connect_error message');
  expectEqual(error.data, { code: 401 }, 'connect_error data');
  return `connect_error '${error.message}' data ${describe(error.data)}`;
});

scenario('unknown-namespace', async (ctx) => {
  const socket = ctx.open('/nope');
  const error = await ctx.expect('connect_error on /nope', ctx.refused(socket));
  expectEqual(error.message, 'Invalid namespace', 'connect_error message');
  return `connect_error '${error.message}'`;
});

scenario('namespaces', async (ctx) => {
  const manager = new Manager(BASE, options());
  const root = ctx.watch(manager.socket('/'), '/');
  const chat = ctx.watch(manager.socket('/chat'), '/chat');
  const rootWelcome = ctx.event(root, 'welcome');
  const chatWelcome = ctx.event(chat, 'welcome');
  await ctx.expect('connecting to / and /chat', Promise.all([ctx.connected(root), ctx.connected(chat)]));
  const [[forRoot], [forChat]] = await ctx.expect('welcome on / and /chat', Promise.all([rootWelcome, chatWelcome]));
  expectEqual(forRoot.namespace, '/', 'welcome.namespace on /');
  expectEqual(forChat.namespace, '/chat', 'welcome.namespace on /chat');
  check(forRoot.id === root.id && forChat.id === chat.id, `welcome ids ${forRoot.id}, ${forChat.id} differ from socket ids ${root.id}, ${chat.id}`);
  check(root.id !== chat.id, `both namespaces have socket id ${root.id}`);
  const onRoot = [];
  root.on('echo', (...args) => onRoot.push(args));
  const echoed = ctx.event(chat, 'echo');
  chat.emit('echo', 'on-chat', 7);
  const args = await ctx.expect('echo on /chat', echoed);
  expectEqual(args, ['on-chat', 7], 'echo args on /chat');
  await delay(200);
  check(onRoot.length === 0, `echo of /chat also arrived on /: ${describe(onRoot)}`);
  return `one engine, ids / ${root.id} and /chat ${chat.id}, echo stayed on /chat`;
});

scenario('event-to-server-and-back', async (ctx) => {
  const { socket } = await connectWithWelcome(ctx, '/');
  const expected = ['a', 1, { b: [true, null] }];
  const echoed = ctx.event(socket, 'echo');
  socket.emit('echo', ...expected);
  const args = await ctx.expect('echo event', echoed);
  expectEqual(args, expected, 'echo args');
  return `echo ${describe(args)}`;
});

scenario('ack-from-server', async (ctx) => {
  const { socket } = await connectWithWelcome(ctx, '/');
  const sum = await ctx.expect('ack of add', socket.emitWithAck('add', 2, 3));
  expectEqual(sum, 5, 'add ack');
  const several = await ctx.expect('ack of ack-several', ctx.ack(socket, 'ack-several'));
  expectEqual(several, ['a', 1, { b: true }, null, [1, 2]], 'ack-several args');
  return `add 5, ack-several ${describe(several)}`;
});

scenario('ack-to-server', async (ctx) => {
  const { socket } = await connectWithWelcome(ctx, '/');
  const request = ctx.event(socket, 'server-request');
  const reply = ctx.event(socket, 'server-request-reply');
  socket.emit('request-ack', 'payload');
  const [payload, callback] = await ctx.expect('server-request', request);
  expectEqual(payload, 'payload', 'server-request payload');
  check(typeof callback === 'function', `server-request came without an ack callback: ${describe(callback)}`);
  callback('reply', payload);
  const args = await ctx.expect('server-request-reply', reply);
  expectEqual(args, ['reply', 'payload'], 'server-request-reply args');
  return `server-request-reply ${describe(args)}`;
});

scenario('binary-from-server', async (ctx) => {
  const { socket } = await connectWithWelcome(ctx, '/');
  const acked = await ctx.expect('ack of binary', ctx.ack(socket, 'binary'));
  expectEqual(acked, [{ first: Buffer.from([0, 1, 2]), nested: { list: [Buffer.from('héllo', 'utf8'), 'text'] } }], 'binary ack args');
  const event = ctx.event(socket, 'binary');
  socket.emit('emit-binary');
  const args = await ctx.expect('binary event', event);
  expectEqual(args, [Buffer.from([9, 8, 7]), { inner: [Buffer.from([6, 5])] }], 'binary event args');
  return `ack ${describe(acked)}, event ${describe(args)}`;
});

scenario('binary-to-server', async (ctx) => {
  const { socket } = await connectWithWelcome(ctx, '/');
  const sent = [Buffer.from([1, 2, 3]), { nested: Buffer.from([4]) }];
  const acked = await ctx.expect('ack of echo', ctx.ack(socket, 'echo', ...sent));
  expectEqual(acked, sent, 'echo ack args');
  return `ack ${describe(acked)}`;
});

scenario('binary-ack-to-server', async (ctx) => {
  const { socket } = await connectWithWelcome(ctx, '/');
  const request = ctx.event(socket, 'server-binary-request');
  const reply = ctx.event(socket, 'server-request-reply');
  socket.emit('request-binary-ack');
  const [data, callback] = await ctx.expect('server-binary-request', request);
  expectEqual(data, { data: Buffer.from([1, 2, 3]) }, 'server-binary-request payload');
  check(typeof callback === 'function', `server-binary-request came without an ack callback: ${describe(callback)}`);
  callback(Buffer.from([7, 7]));
  const args = await ctx.expect('server-request-reply', reply);
  expectEqual(args, [Buffer.from([7, 7])], 'server-request-reply args');
  return `request ${describe(data)}, reply ${describe(args)}`;
});

scenario('many-events-in-order', async (ctx) => {
  const count = 1000;
  const { socket } = await connectWithWelcome(ctx, '/');
  const received = [];
  const all = new Promise((resolve, reject) => {
    socket.on('many', (n) => {
      if (n !== received.length) {
        reject(new Error(`event ${received.length} carries ${describe(n)}`));
      }
      received.push(n);
      if (received.length === count) {
        resolve();
      }
    });
  });
  socket.emit('emit-many', count);
  await ctx.expect(() => `'many' events (${received.length} of ${count} received)`, all);
  await delay(100);
  check(received.length === count, `${received.length} events instead of ${count}`);
  return `${count} events in order`;
});

scenario('server-disconnect', async (ctx) => {
  const { socket } = await connectWithWelcome(ctx, '/');
  const disconnected = ctx.event(socket, 'disconnect');
  socket.emit('disconnect-me', false);
  const [reason] = await ctx.expect('disconnect', disconnected);
  expectEqual(reason, 'io server disconnect', 'disconnect reason');
  check(!socket.connected, 'socket still connected');
  return `disconnect '${reason}'`;
});

scenario('heartbeat', async (ctx) => {
  const socket = ctx.open('/');
  const engine = socket.io.engine;
  let handshake = null;
  engine.once('handshake', (data) => {
    handshake = data;
  });
  let pings = 0;
  engine.on('ping', () => pings++);
  const welcome = ctx.event(socket, 'welcome');
  await ctx.expect('connecting to /', ctx.connected(socket));
  await ctx.expect('welcome on /', welcome);
  const disconnects = [];
  socket.on('disconnect', (reason) => disconnects.push(reason));
  await ctx.expect('staying connected for 2.5 s', delay(2500));
  check(disconnects.length === 0, `disconnected: ${disconnects.join(', ')}`);
  check(socket.connected, 'socket no longer connected');
  const interval = handshake && handshake.pingInterval;
  // With a short ping interval several pings must have arrived (and been answered, else the server closes).
  if (typeof interval === 'number' && interval <= 1000) {
    check(pings >= 2, `${pings} pings in 2.5 s with pingInterval ${interval}`);
  }
  const sum = await ctx.expect('add after 2.5 s', socket.emitWithAck('add', 2, 3));
  expectEqual(sum, 5, 'add ack');
  return `${pings} pings answered in 2.5 s (pingInterval ${interval}, pingTimeout ${handshake && handshake.pingTimeout}), add still works`;
});

// ---- runner

async function runScenario({ name, fn }) {
  current = name;
  const ctx = new Context();
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${SCENARIO_TIMEOUT_MS / 1000} s` + (ctx.step ? ` waiting for ${typeof ctx.step === 'function' ? ctx.step() : ctx.step}` : ''))),
      SCENARIO_TIMEOUT_MS);
  });
  let ok;
  let detail;
  try {
    detail = await Promise.race([fn(ctx), timeout]);
    ok = true;
  } catch (error) {
    ok = false;
    detail = (error && error.message) || String(error);
    if (ctx.log.length) {
      detail += ` (seen: ${ctx.log.join('; ')})`;
    }
  } finally {
    clearTimeout(timer);
    ctx.closeAll();
  }
  print(name, ok, `${MODE}: ${detail}`);
  return ok;
}

(async () => {
  let failures = 0;
  for (const entry of scenarios) {
    if (!(await runScenario(entry))) {
      failures++;
    }
  }
  clearTimeout(watchdog);
  finish(failures === 0 ? 0 : 1);
})();
