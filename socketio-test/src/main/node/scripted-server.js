// A scripted Engine.IO/Socket.IO server over raw WebSocket and HTTP long-polling, for the
// conformance scenarios that need a server that misbehaves in a precise way. The scenario is
// chosen by the client with the query parameter "scenario"; the chosen port is printed as
// "listening on <port>".
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');

const open = (pingInterval, pingTimeout) =>
  '0' + JSON.stringify({ sid: 'scripted-engine-sid', upgrades: [], pingInterval, pingTimeout, maxPayload: 1000000 });

// Each scenario gets the socket, the request's query, and answers frames from the client.
const scenarios = {
  // Replies to CONNECT without the sid a v5 server always sends (a Socket.IO 2.x style reply).
  'connect-without-sid': (ws) => ({ onConnect: () => ws.send('40{}') }),
  // Sends an event for the namespace before the CONNECT reply.
  'event-before-connect-reply': (ws) => ({
    onConnect: () => {
      ws.send('42["early",1]');
      ws.send('40{"sid":"scripted-socket-sid"}');
      ws.send('42["late",2]');
    },
  }),
  'numeric-event': (ws) => ({ onConnected: () => ws.send('42[7,"numeric"]') }),
  'unknown-ack': (ws) => ({ onConnected: () => { ws.send('43999["nobody asked"]'); ws.send('42["after-unknown-ack"]'); } }),
  'invalid-event-payload': (ws) => ({ onConnected: () => ws.send('42{}') }),
  'invalid-packet-type': (ws) => ({ onConnected: () => ws.send('4abc') }),
  'invalid-engine-packet': (ws) => ({ onConnected: () => ws.send('9garbage') }),
  'text-during-binary': (ws) => ({
    onConnected: () => { ws.send('451-["bin",{"_placeholder":true,"num":0}]'); ws.send('42["x"]'); },
  }),
  'placeholder-out-of-range': (ws) => ({
    onConnected: () => { ws.send('451-["bin",{"_placeholder":true,"num":3}]'); ws.send(Buffer.from([1])); },
  }),
  'zero-attachments': (ws) => ({ onConnected: () => ws.send('450-["bin0",{"plain":true}]') }),
  'late-ack': (ws) => ({
    onEvent: (frame) => {
      const match = /^42(\d+)\["late-ack"/.exec(frame);
      if (match) {
        setTimeout(() => { ws.send(`43${match[1]}["too late"]`); ws.send('42["after-late-ack"]'); }, 300);
      }
    },
  }),
  // Pings late (after pingInterval) but always inside pingInterval + pingTimeout.
  'late-pings': (ws, pings) => ({
    pingInterval: 200,
    pingTimeout: 400,
    onConnected: () => {
      let sent = 0;
      const timer = setInterval(() => {
        if (sent === 6) {
          clearInterval(timer);
          ws.send(`42["survived",${pings.pongs}]`);
          return;
        }
        sent++;
        ws.send('2');
      }, 450);
      ws.on('close', () => clearInterval(timer));
    },
  }),
  // Never pings.
  'no-pings': () => ({ pingInterval: 300, pingTimeout: 200 }),
  // Closes the Engine.IO session with a close packet.
  'close-packet': (ws) => ({ onConnected: () => ws.send('1') }),
  // Pings every 300 ms, as a server with a short heartbeat does.
  'fast-pings': (ws) => {
    const timer = setInterval(() => ws.send('2'), 300);
    ws.on('close', () => clearInterval(timer));
    return { pingInterval: 300, pingTimeout: 600 };
  },
  // Hostile servers: each case once connected.
  'oversize-message': (ws) => ({ onConnected: () => ws.send('42["big","' + 'x'.repeat(2 * 1024 * 1024) + '"]') }),
  'attachment-bomb': (ws) => ({ onConnected: () => ws.send('4599999999-["bomb",{"_placeholder":true,"num":0}]') }),
  'invalid-utf8': (ws) => ({ onConnected: () => ws.send(Buffer.from([0x34, 0x32, 0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]), { binary: false }) }),
  'unknown-packet-types': (ws) => ({ onConnected: () => { ws.send('47["seven"]'); ws.send('8'); } }),
  'absurd-handshake': () => ({ pingInterval: 1e15, pingTimeout: 1e15 }),
};

// How often each scenario was connected, for scenarios that change from one connection to the next.
const connections = new Map();
function nth(scenario) {
  const count = (connections.get(scenario) || 0) + 1;
  connections.set(scenario, count);
  return count;
}

// Reconnect attempts that hang: the 1st WebSocket connection is dropped once connected, the 2nd is
// accepted and never sent the open packet, the 3rd never gets its CONNECT answered, the 4th works.
// Counted per scenario name: 'hanging-reconnects' followed by anything.
const hangingAttempts = (ws, pings, name) => {
  const count = nth(name);
  if (count === 2) {
    return { silent: true };
  }
  if (count === 3) {
    return { onConnect: () => {} };
  }
  return { onConnected: () => { if (count === 1) { setTimeout(() => ws.terminate(), 50); } } };
};

// HTTP long-polling sessions, by sid.
const sessions = new Map();
let sessionCount = 0;

function push(session, packet) {
  session.queue.push(packet);
  if (session.waiting) {
    const res = session.waiting;
    session.waiting = null;
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' });
    res.end(session.queue.join('\x1e'));
    session.queue = [];
    if (session.closing) {
      sessions.delete(session.id);
    }
  }
}

function badRequest(res, code, message) {
  res.writeHead(400, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ code, message }));
}

function receivePolling(session, record) {
  if (record.startsWith('40')) {
    session.connected = true;
    push(session, session.scenario === 'polling-garbage' ? '9garbage' : '40{"sid":"scripted-socket-sid"}');
    if (session.id === session.firstId) {
      session.closing = true;
      push(session, '1');
    }
  } else if (record.startsWith('42')) {
    push(session, '42["reply",' + JSON.stringify(record) + ']');
  } else if (record === '1') {
    sessions.delete(session.id);
    push(session, '6');
  }
}

function handlePolling(req, res, query) {
  const scenario = query.get('scenario') || '';
  const sid = query.get('sid');
  if (!sid) {
    // The 1st session is closed once connected; the 2nd and 3rd handshakes are never answered.
    const attempt = scenario.startsWith('polling-hanging-reconnects') ? nth(scenario) : 0;
    if (attempt === 2 || attempt === 3) {
      return;
    }
    const id = 'polling-' + (++sessionCount);
    const session = { id, scenario, queue: [], waiting: null, connected: false,
      firstId: attempt === 1 ? id : null };
    sessions.set(id, session);
    // These scenarios ping often, so that the client's poll timeout (ping interval and timeout) is short.
    const fast = ['probe-silent', 'polling-endless-poll', 'polling-trickling-poll'].includes(scenario);
    const handshake = { sid: id, upgrades: scenario.startsWith('probe-') ? ['websocket'] : [],
      pingInterval: fast ? 300 : 25000, pingTimeout: fast ? 1000 : 20000, maxPayload: 1000000 };
    if (fast) {
      const pinger = setInterval(() => (sessions.has(id) ? push(session, '2') : clearInterval(pinger)), 300);
    }
    let body = '0' + JSON.stringify(scenario === 'polling-open-with-extras'
      ? { ...handshake, extra: { nested: [1, 2] }, another: 'field' } : handshake);
    if (scenario === 'polling-open-with-extras') {
      body += '\x1e6';
    }
    // Answers Engine.IO 4 as an Engine.IO 3 server does, and refuses Engine.IO 3: neither works.
    if (scenario === 'polling-neither-revision') {
      if (query.get('EIO') === '3') {
        badRequest(res, 5, 'Unsupported protocol version');
        return;
      }
      body = body.length + ':' + body;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' });
    res.end(body);
    return;
  }
  const session = sessions.get(sid);
  if (!session) {
    badRequest(res, 1, 'Session ID unknown');
    return;
  }
  // Closes the connection of the second POST, or poll, before answering, unread, as netty-socketio
  // closes a connection it announced as kept alive while the client's next request is on its way.
  const kind = req.method === 'POST' ? 'post' : 'poll';
  session[kind] = (session[kind] || 0) + 1;
  if (session.scenario === 'polling-drop-second-' + kind && session[kind] === 2) {
    req.socket.destroy();
    return;
  }
  if (req.method === 'POST') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      body.split('\x1e').forEach((record) => receivePolling(session, record));
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('ok');
    });
    return;
  }
  // Forgets the session once the client has its CONNECT reply.
  if (session.scenario === 'polling-session-unknown' && session.connected && session.queue.length === 0) {
    sessions.delete(sid);
    badRequest(res, 1, 'Session ID unknown');
    return;
  }
  // Once connected, a poll answered with an event whose text is not valid UTF-8.
  if (session.connected && session.queue.length === 0 && session.scenario === 'polling-invalid-utf8') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' });
    res.end(Buffer.from([0x34, 0x32, 0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d]));
    return;
  }
  // Once connected, a poll answered with 2 MB of text, more than the client accepts in tests.
  if (session.connected && session.queue.length === 0 && session.scenario === 'polling-oversize-body') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' });
    res.end('42["big","' + 'x'.repeat(2 * 1024 * 1024) + '"]');
    return;
  }
  // Once connected, a poll whose response never ends, or ends one byte every 200 ms.
  if (session.connected && session.queue.length === 0 && session.scenario === 'polling-endless-poll') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8' });
    res.write('42["never-ending"');
    return;
  }
  if (session.connected && session.queue.length === 0 && session.scenario === 'polling-trickling-poll') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=UTF-8', 'Content-Length': '1000000' });
    const trickle = setInterval(() => (res.destroyed ? clearInterval(trickle) : res.write('2')), 200);
    return;
  }
  session.waiting = res;
  if (session.queue.length > 0) {
    push(session, '6');
  }
}

const httpServer = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/socket.io/' && url.searchParams.get('transport') === 'polling') {
    handlePolling(req, res, url.searchParams);
  } else {
    res.writeHead(404);
    res.end();
  }
});

// A probe for a polling session: its scenario decides whether the upgrade is refused or answered wrongly.
function verifyClient(info, done) {
  const query = new URL(info.req.url, 'http://localhost').searchParams;
  const session = sessions.get(query.get('sid'));
  if (session && session.scenario === 'probe-refused') {
    push(session, '42["probe-refused"]');
    done(false, 400, 'Bad request');
    return;
  }
  done(true);
}

const wss = new WebSocketServer({ server: httpServer, path: '/socket.io/', verifyClient });

wss.on('connection', (ws, req) => {
  const query = new URL(req.url, 'http://localhost').searchParams;
  const probed = sessions.get(query.get('sid'));
  if (probed && probed.scenario === 'probe-silent') {
    // Accepts the upgrade and never answers the probe; tells the client over polling once it gave up.
    ws.on('close', () => push(probed, '42["probe-closed"]'));
    return;
  }
  if (probed) {
    ws.on('message', (data) => {
      if (data.toString() === '2probe' && probed.scenario === 'probe-wrong-answer') {
        ws.send('3nonsense');
        push(probed, '42["probe-answered"]');
      } else if (data.toString() === '2probe' && probed.scenario === 'probe-then-close') {
        // The server ends the session in the middle of the upgrade, once the client is connected.
        const closeSession = () => {
          if (!probed.connected || probed.queue.length > 0) {
            setTimeout(closeSession, 10);
            return;
          }
          probed.closing = true;
          push(probed, '1');
          ws.close();
        };
        closeSession();
      }
    });
    return;
  }
  const pings = { pongs: 0 };
  const name = query.get('scenario') || '';
  const factory = name.startsWith('hanging-reconnects') ? hangingAttempts : scenarios[name];
  const scenario = factory ? factory(ws, pings, name) : {};
  if (scenario.silent) {
    return;
  }
  ws.send(open(scenario.pingInterval || 25000, scenario.pingTimeout || 20000));
  ws.on('message', (data, isBinary) => {
    if (isBinary) {
      return;
    }
    const frame = data.toString();
    if (frame === '3') {
      pings.pongs++;
    } else if (frame.startsWith('40')) {
      if (scenario.onConnect) {
        scenario.onConnect();
      } else {
        ws.send('40{"sid":"scripted-socket-sid"}');
        if (scenario.onConnected) {
          scenario.onConnected();
        }
      }
    } else if (frame.startsWith('42') && scenario.onEvent) {
      scenario.onEvent(frame);
    }
  });
});

httpServer.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(`listening on ${httpServer.address().port}`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
