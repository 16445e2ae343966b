/** The web UI plugin: built files, the SPA fallback, and the paths it must leave to the server. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isServerPath, webUi } from '../../src/api/static.ts';

function server(root: string): FastifyInstance {
  const f = Fastify();
  f.setNotFoundHandler((_req, reply) => reply.status(404).send({ error: 'NotFound', message: '没有这个地址' }));
  f.get('/api/orgs', async () => ({ items: [] }));
  f.get('/docs', async () => 'docs');
  void f.register(webUi, { root });
  return f;
}

describe('webUi', () => {
  const root = mkdtempSync(join(tmpdir(), 'zhibu-web-'));
  let f: FastifyInstance;
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    f = server(root);
    await f.ready();
  });
  afterAll(() => f.close());

  it('serves index.html for the app’s own paths, never cached', async () => {
    for (const url of ['/', '/login', '/activities/new', '/summary/0b6f?x=1']) {
      const r = await f.inject({ url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('id="root"');
      expect(r.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const r = await f.inject({ url: '/assets/index-abc123.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.headers['cache-control']).toContain('immutable');
  });

  it('leaves the API, the docs and missing files to the server: JSON 404, not the app', async () => {
    expect((await f.inject({ url: '/api/orgs' })).json()).toEqual({ items: [] });
    expect((await f.inject({ url: '/docs' })).body).toBe('docs');
    for (const url of ['/api/nothing-here', '/assets/index-old999.js', '/favicon.ico']) {
      const r = await f.inject({ url });
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error).toBe('NotFound');
    }
  });

  it('says how to build the UI when web/dist is missing', async () => {
    const g = server(join(root, 'missing'));
    const r = await g.inject({ url: '/' });
    expect(r.body).toContain('npm run build:web');
    await g.close();
  });

  it('tells server paths from the app’s', () => {
    expect(isServerPath('/api/x')).toBe(true);
    expect(isServerPath('/docs/json')).toBe(true);
    expect(isServerPath('/apiary')).toBe(false);
    expect(isServerPath('/documents')).toBe(false);
  });
});
