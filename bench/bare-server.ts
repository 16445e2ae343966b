/** A bare Fastify route for bench/api-share.bench.ts: the framework's own ceiling on this machine. */
import Fastify from 'fastify';

const f = Fastify({ logger: false });
f.get('/bare', async () => ({ ok: true }));
await f.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
console.log('listening');
