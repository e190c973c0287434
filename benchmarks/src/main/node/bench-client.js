// The Node peers of the load driver. Usage:
//   node bench-client.js <node|limit> <S1|S1F|S2..S6|P100|P4K|P64K|P1M|C1> <url> <runs> <scale> [<warm-up size>]
// Warms up with WARMUP_RUNS full-size runs (or one run of the warm-up size, if given: a cold start), then runs
// <runs> times, and prints one line "RESULT {json}" per measured run, or "FAILED <reason>". V8 is done
// compiling after one full-size run (later runs are no faster); the second is a margin. The JVM peers warm up
// until their JIT compiler has settled instead.
'use strict';

const http = require('http');
const { io } = require('socket.io-client');
const WebSocket = require('ws');

const [peer, scenario, url, runsArg, scaleArg, warmupArg] = process.argv.slice(2);
const runs = Number(runsArg);
const scale = Number(scaleArg);
const warmup = Number(warmupArg || 0);
const SIZES = {
  S1: 200000, S1F: 200000, S2: 20000, S3: 100000, S4: 200000, S5: 1000, S6: 2000, P100: 100000, P4K: 25000, P64K: 1600, P1M: 100, C1: 1000,
};
const PAYLOADS = { P100: 100, P4K: 4096, P64K: 65536, P1M: 1048576 };
const WINDOW = 100;
const WARMUP_RUNS = 2;
// S1F waits for the server's count after every this many events.
const FLOW_CONTROL_BATCH = 1000;
// The payload curve keeps up to 100 events and at most about 8 MB in flight.
const PAYLOAD_IN_FLIGHT = 8 * 1048576;

function size() {
  return Math.max(1, Math.round(SIZES[scenario] * scale));
}

function percentiles(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50_us: at(0.5), p99_us: at(0.99), max_us: sorted[sorted.length - 1] };
}

function nowUs() {
  const [s, ns] = process.hrtime();
  return s * 1e6 + ns / 1e3;
}

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// A GET to a cluster node's control endpoint, answered in JSON.
function control(node, request) {
  return new Promise((resolve, reject) => {
    http.get(node + '/control/' + request, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve(JSON.parse(text)));
    }).on('error', reject);
  });
}

function threads() {
  const status = require('fs').readFileSync('/proc/self/status', 'utf8');
  return Number(/Threads:\s+(\d+)/.exec(status)[1]);
}

// A socket.io-client connection with the operations the scenarios need.
function nodeClient(transports) {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports, reconnection: false, forceNew: true });
    socket.once('connect', () => resolve({
      emit: (event, ...args) => socket.emit(event, ...args),
      call: (event, ...args) => new Promise((done) => socket.emit(event, ...args, (reply) => done(reply))),
      on: (event, handler) => socket.on(event, handler),
      // Done once the server has closed the connection too (the WebSocket closing handshake), as the
      // other peers' close is: 'disconnect' fires as soon as the client has sent its DISCONNECT, and
      // a next run would start while the server still works on this one's leaving.
      close: () => new Promise((done) => {
        const ws = socket.io.engine.transport.ws;
        if (ws) {
          ws.once('close', () => done());
        }
        else {
          socket.once('disconnect', () => done());
        }
        socket.disconnect();
      }),
    }));
    socket.once('connect_error', reject);
  });
}

// The limit: Engine.IO v4 / Socket.IO v5 framing by hand on a raw WebSocket.
function limitClient() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, 'ws') + '/socket.io/?EIO=4&transport=websocket');
    const acks = new Map();
    const handlers = new Map();
    let nextId = 0;
    ws.on('error', reject);
    ws.on('message', (data) => {
      const text = data.toString();
      if (text[0] === '2') {
        ws.send('3');
      }
      else if (text[0] === '0') {
        ws.send('40');
      }
      else if (text.startsWith('40')) {
        resolve(client);
      }
      else if (text.startsWith('43')) {
        const bracket = text.indexOf('[');
        const id = Number(text.substring(2, bracket));
        const done = acks.get(id);
        acks.delete(id);
        done(JSON.parse(text.substring(bracket))[0]);
      }
      else if (text.startsWith('42')) {
        const [event, ...args] = JSON.parse(text.substring(2));
        const handler = handlers.get(event);
        if (handler) {
          handler(...args);
        }
      }
    });
    const client = {
      emit: (event, ...args) => ws.send('42' + JSON.stringify([event, ...args])),
      call: (event, ...args) => new Promise((done) => {
        const id = nextId++;
        acks.set(id, done);
        ws.send('42' + id + JSON.stringify([event, ...args]));
      }),
      on: (event, handler) => handlers.set(event, handler),
      close: () => new Promise((done) => { ws.once('close', () => done()); ws.send('41'); ws.close(); }),
    };
  });
}

// The limit on HTTP long-polling, by hand, one keep-alive connection per direction.
function limitPollingClient() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
  const base = url + '/socket.io/?EIO=4&transport=polling';
  let sid;
  const request = (method, body) => new Promise((resolve, reject) => {
    const req = http.request(base + (sid ? '&sid=' + sid : ''), { method, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    if (body) {
      req.setHeader('Content-Type', 'text/plain;charset=UTF-8');
      req.end(body);
    }
    else {
      req.end();
    }
  });
  let nextId = 0;
  // Polls until an ack with the id arrives, answering pings on the way.
  const poll = async (id) => {
    for (;;) {
      for (const packet of (await request('GET')).split('\x1e')) {
        if (packet === '2') {
          await request('POST', '3');
        }
        else if (packet.startsWith('43' + id + '[')) {
          return JSON.parse(packet.substring(2 + String(id).length))[0];
        }
      }
    }
  };
  return (async () => {
    sid = JSON.parse((await request('GET')).substring(1)).sid;
    await request('POST', '40');
    let joined = false;
    while (!joined) {
      joined = (await request('GET')).split('\x1e').some((packet) => packet.startsWith('40'));
    }
    return {
      call: async (event, ...args) => {
        const id = nextId++;
        await request('POST', '42' + id + JSON.stringify([event, ...args]));
        return poll(id);
      },
      close: async () => { await request('POST', '41\x1e1'); agent.destroy(); },
    };
  })();
}

function connect(polling) {
  if (peer === 'node') {
    return nodeClient([polling ? 'polling' : 'websocket']);
  }
  return polling ? limitPollingClient() : limitClient();
}

async function sequentialAcks(client, n) {
  const samples = new Array(n);
  for (let i = 0; i < n; i++) {
    const start = nowUs();
    const sum = await client.call('add', i, 1);
    samples[i] = nowUs() - start;
    if (sum !== i + 1) {
      throw new Error('wrong ack ' + sum + ' for ' + i);
    }
  }
  return percentiles(samples);
}

// Makes n calls with up to window of them unacknowledged; resolves with the seconds until the last was acknowledged.
function pipelined(n, window, call, expected) {
  const start = nowUs();
  let sent = 0;
  let acked = 0;
  return new Promise((resolve, reject) => {
    const next = () => {
      const i = sent++;
      call(i).then((answer) => {
        if (answer !== expected(i)) {
          reject(new Error('ack ' + answer + ' for call ' + i));
          return;
        }
        if (++acked === n) {
          resolve((nowUs() - start) / 1e6);
        }
        else if (sent < n) {
          next();
        }
      });
    };
    for (let i = 0; i < Math.min(window, n); i++) {
      next();
    }
  });
}

// Events of the scenario's payload size, acknowledged by the server with their length.
async function payload(n) {
  const bytes = PAYLOADS[scenario];
  const client = await connect(false);
  const text = 'x'.repeat(bytes);
  const window = Math.max(4, Math.min(WINDOW, Math.floor(PAYLOAD_IN_FLIGHT / bytes)));
  const seconds = await pipelined(n, window, () => client.call('size', text), () => bytes);
  await client.close();
  return { mb_per_s: (n * bytes) / seconds / 1e6 };
}

const scenarios = {
  async S1(n) {
    const client = await connect(false);
    const start = nowUs();
    for (let i = 0; i < n; i++) {
      client.emit('count');
    }
    const stats = await client.call('stats');
    const seconds = (nowUs() - start) / 1e6;
    await client.close();
    if (stats.count !== n) {
      throw new Error('the server saw ' + stats.count + ' of ' + n + ' events');
    }
    return { events_per_s: n / seconds };
  },
  async S1F(n) {
    const client = await connect(false);
    const start = nowUs();
    for (let sent = 0; sent < n;) {
      const batch = Math.min(FLOW_CONTROL_BATCH, n - sent);
      for (let i = 0; i < batch; i++) {
        client.emit('count');
      }
      sent += batch;
      const stats = await client.call('stats');
      if (stats.count !== sent) {
        throw new Error('the server saw ' + stats.count + ' of ' + sent + ' events');
      }
    }
    const seconds = (nowUs() - start) / 1e6;
    await client.close();
    return { events_per_s: n / seconds };
  },
  async S2(n) {
    const client = await connect(false);
    const result = await sequentialAcks(client, n);
    await client.close();
    return result;
  },
  async S3(n) {
    const client = await connect(false);
    const seconds = await pipelined(n, WINDOW, (i) => client.call('add', i, 1), (i) => i + 1);
    await client.close();
    return { acks_per_s: n / seconds };
  },
  async S4(n) {
    const client = await connect(false);
    let received = 0;
    let start;
    await new Promise((resolve) => {
      client.on('many', () => {
        if (++received === n) {
          resolve();
        }
      });
      start = nowUs();
      client.emit('emit-many', n);
    });
    const seconds = (nowUs() - start) / 1e6;
    await client.close();
    return { events_per_s: n / seconds };
  },
  async S5(n) {
    const start = nowUs();
    const clients = await Promise.all(Array.from({ length: n }, () => connect(false)));
    const connectSeconds = (nowUs() - start) / 1e6;
    if (global.gc) {
      global.gc();
    }
    const memory = process.memoryUsage();
    const result = {
      connect_s: connectSeconds,
      threads: threads(),
      heap_mb: memory.heapUsed / 1048576,
      rss_mb: memory.rss / 1048576,
    };
    const closing = nowUs();
    await Promise.all(clients.map((client) => client.close()));
    result.disconnect_s = (nowUs() - closing) / 1e6;
    return result;
  },
  async S6(n) {
    const client = await connect(true);
    const result = await sequentialAcks(client, n);
    await client.close();
    return result;
  },
  // C1: n clients through the cluster's load balancer, one node broadcasting a tick every 10 ms for 30 s:
  // delivery latency from the node's send time (BENCH_TICKS_URL names that node) and ticks lost.
  async C1(n) {
    const node = process.env.BENCH_TICKS_URL;
    if (!node) {
      throw new Error('C1 runs against a cluster: BENCH_TICKS_URL is not set');
    }
    const clients = await Promise.all(Array.from({ length: n }, () => connect(false)));
    const latencies = [];
    const nowMicros = () => (performance.timeOrigin + performance.now()) * 1000;
    for (const client of clients) {
      client.on('tick', (tick) => latencies.push(nowMicros() - tick.sentAtMicros));
    }
    await control(node, 'ticks?event=tick&everyMs=10&durationMs=30000');
    let done;
    do {
      await delay(100);
      done = await control(node, 'ticks-done');
    } while (!done.done);
    const expected = done.sent * n;
    const deadline = Date.now() + 10000;
    while (latencies.length < expected && Date.now() < deadline) {
      await delay(100);
    }
    const received = latencies.length;
    await Promise.all(clients.map((client) => client.close()));
    const { p50_us: p50, p99_us: p99 } = percentiles(latencies);
    return { p50_us: p50, p99_us: p99, lost: Math.max(0, expected - received) };
  },
  P100: payload,
  P4K: payload,
  P64K: payload,
  P1M: payload,
};

(async () => {
  try {
    const warmupRuns = warmup > 0 || scenario === 'C1' ? 1 : WARMUP_RUNS;
    for (let run = 1; run <= warmupRuns; run++) {
      await scenarios[scenario](warmup > 0 ? Math.min(warmup, size()) : size());
    }
    for (let run = 1; run <= runs; run++) {
      const result = await scenarios[scenario](size());
      console.log('RESULT ' + JSON.stringify({ ...result, warmup_runs: warmupRuns }));
    }
    process.exit(0);
  }
  catch (error) {
    console.log('FAILED ' + (error && error.message ? error.message : error));
    process.exit(1);
  }
})();
