"""Reference python-socketio server with the test handlers of server.js, where python-socketio can.

Options come from the environment; the chosen port is printed as "listening on <port>".
"""
import asyncio
import os
import socket as sockets

import socketio
from aiohttp import web
from engineio.async_drivers import aiohttp as engineio_aiohttp


class _FullBody:
    """python-engineio 4.3 reads a POST body with one read(n), which aiohttp answers with the bytes
    at hand: a large polling POST is cut short. Read it whole instead."""

    def __init__(self, stream):
        self.stream = stream

    async def read(self, length=None):
        return await self.stream.readexactly(length) if length else await self.stream.read()


def _translate_request(request, translate=engineio_aiohttp.translate_request):
    environ = translate(request)
    environ['wsgi.input'] = _FullBody(environ['wsgi.input'])
    return environ


engineio_aiohttp._async['translate_request'] = _translate_request


def env(name, default):
    value = os.environ.get(name)
    return type(default)(value) if value is not None else default


sio = socketio.AsyncServer(
    async_mode='aiohttp',
    cors_allowed_origins='*',
    ping_interval=env('PING_INTERVAL', 25000) / 1000,
    ping_timeout=env('PING_TIMEOUT', 20000) / 1000,
    max_http_buffer_size=env('MAX_PAYLOAD', 2000000),
)
app = web.Application()
sio.attach(app)

NAMESPACES = ['/', '/chat', '/rejecting', '/auth']
stats = {}


def register(namespace):
    @sio.on('connect', namespace=namespace)
    async def connect(sid, environ, auth):
        if namespace == '/rejecting':
            raise socketio.exceptions.ConnectionRefusedError('not authorized', {'code': 401})
        if namespace == '/auth' and (not auth or auth.get('token') != 'secret-token'):
            raise socketio.exceptions.ConnectionRefusedError('invalid token')
        stats[(namespace, sid)] = {'count': 0, 'acksReceived': 0, 'pongs': 0, 'sequences': {}}
        query = dict(pair.split('=', 1) if '=' in pair else (pair, '')
                     for pair in environ.get('QUERY_STRING', '').split('&') if pair)
        hide = query.get('hideHandshake') == '1'
        await sio.emit('welcome', {
            'id': sid,
            'engineId': sio.manager.eio_sid_from_sid(sid, namespace),
            'namespace': namespace,
            'transport': sio.eio.transport(sio.manager.eio_sid_from_sid(sid, namespace)),
            'query': {} if hide else query,
            'auth': {} if hide else (auth or {}),
            'token': auth.get('token') if isinstance(auth, dict) and not hide else None,
            'headers': {'x-api-key': None if hide else environ.get('HTTP_X_API_KEY')},
        }, to=sid, namespace=namespace)

    @sio.on('disconnect', namespace=namespace)
    async def disconnect(sid):
        stats.pop((namespace, sid), None)

    @sio.on('echo', namespace=namespace)
    async def echo(sid, *args):
        await sio.emit('echo', args, to=sid, namespace=namespace)
        return args

    @sio.on('ack-several', namespace=namespace)
    async def ack_several(sid):
        return 'a', 1, {'b': True}, None, [1, 2]

    @sio.on('add', namespace=namespace)
    async def add(sid, a, b):
        return a + b

    @sio.on('slow-ack', namespace=namespace)
    async def slow_ack(sid, ms):
        await asyncio.sleep(ms / 1000)
        return 'late'

    @sio.on('no-ack', namespace=namespace)
    async def no_ack(sid, *args):
        return None

    @sio.on('request-ack', namespace=namespace)
    async def request_ack(sid, payload):
        async def reply(*args):
            await sio.emit('server-request-reply', args, to=sid, namespace=namespace)
        await sio.emit('server-request', payload, to=sid, namespace=namespace,
                       callback=lambda *args: asyncio.ensure_future(reply(*args)))

    @sio.on('request-binary-ack', namespace=namespace)
    async def request_binary_ack(sid):
        async def reply(*args):
            await sio.emit('server-request-reply', args, to=sid, namespace=namespace)
        await sio.emit('server-binary-request', {'data': bytes([1, 2, 3])}, to=sid, namespace=namespace,
                       callback=lambda *args: asyncio.ensure_future(reply(*args)))

    @sio.on('binary', namespace=namespace)
    async def binary(sid):
        return {'first': bytes([0, 1, 2]), 'nested': {'list': ['héllo'.encode('utf-8'), 'text']}}

    @sio.on('emit-binary', namespace=namespace)
    async def emit_binary(sid):
        await sio.emit('binary', (bytes([9, 8, 7]), {'inner': [bytes([6, 5])]}), to=sid, namespace=namespace)

    @sio.on('count', namespace=namespace)
    async def count(sid):
        stats[(namespace, sid)]['count'] += 1

    @sio.on('seq', namespace=namespace)
    async def seq(sid, thread, n):
        sequences = stats[(namespace, sid)]['sequences']
        entry = sequences.setdefault(thread, {'count': 0, 'ordered': True, 'last': -1})
        entry['count'] += 1
        if n != entry['last'] + 1:
            entry['ordered'] = False
        entry['last'] = n

    @sio.on('stats', namespace=namespace)
    async def get_stats(sid):
        return stats[(namespace, sid)]

    @sio.on('large', namespace=namespace)
    async def large(sid, size):
        text = '€' * size
        await sio.emit('large', text, to=sid, namespace=namespace)
        return len(text)

    @sio.on('emit-many', namespace=namespace)
    async def emit_many(sid, count, event='many'):
        for i in range(count):
            await sio.emit(event or 'many', i, to=sid, namespace=namespace)

    @sio.on('disconnect-me', namespace=namespace)
    async def disconnect_me(sid, *args):
        await sio.disconnect(sid, namespace=namespace)


for name in NAMESPACES:
    register(name)


async def main():
    listener = sockets.socket(sockets.AF_INET, sockets.SOCK_STREAM)
    listener.setsockopt(sockets.SOL_SOCKET, sockets.SO_REUSEADDR, 1)
    listener.bind(('127.0.0.1', env('PORT', 0)))
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.SockSite(runner, listener)
    await site.start()
    print(f'listening on {listener.getsockname()[1]}', flush=True)
    await asyncio.Event().wait()


if __name__ == '__main__':
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
