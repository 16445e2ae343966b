/**
 * Serves the web UI (web/dist, built by `npm run build:web`) on the API's port. Hashed assets are
 * cached for a year; index.html never, so a new build is picked up on the next visit. Any other
 * GET outside /api and /docs answers index.html: the browser's router owns those paths.
 */
import { existsSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

/** The built web UI, next to the sources (`web/dist`). */
export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>支部</title>
<p>网页界面尚未构建。请在项目目录运行 <code>npm run build:web</code>（或 <code>npm install</code>）后刷新。接口文档见 <a href="/docs">/docs</a>。</p></html>`;

export interface WebUiOptions {
  /** The built UI's folder; default WEB_DIST. */
  root?: string;
}

/** Whether a path belongs to the server (API, OpenAPI docs, health) rather than the web UI's router. */
export function isServerPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/') || path === '/docs' || path.startsWith('/docs/') || path === '/healthz';
}

/**
 * Fastify plugin: static files of the web UI with the SPA fallback. Register it after the API
 * routes: `await f.register(webUi)`. When the UI is not built, pages say how to build it.
 */
export async function webUi(f: FastifyInstance, opts: WebUiOptions = {}): Promise<void> {
  const root = opts.root ?? WEB_DIST;
  const index = resolve(root, 'index.html');
  if (!existsSync(index)) {
    f.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
    return;
  }
  await f.register(fastifyStatic, {
    root,
    // One route per built file: unknown paths fall through to the SPA route below.
    wildcard: false,
    index: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      reply.header('x-content-type-options', 'nosniff');
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').header('x-frame-options', 'DENY').sendFile('index.html');
  f.get('/', { schema: { hide: true } }, async (_req, reply) => sendIndex(reply));
  f.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const path = req.url.split('?')[0]!;
    // A missing asset (an old hash after a deploy) or an unknown API path is a real 404, not the app.
    if (isServerPath(path) || extname(path) !== '') return reply.callNotFound();
    return sendIndex(reply);
  });
}
