import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installErrorHandling } from './core/http';
import { registerWebApp } from './web';

let dist: string;
let app: FastifyInstance;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'clara-web-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  app = Fastify();
  installErrorHandling(app);
  app.get('/api/ping', async () => ({ ok: true }));
  await registerWebApp(app, dist);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, accept = 'text/html') => app.inject({ method: 'GET', url, headers: { accept } });

describe('serving the web app', () => {
  it('serves index.html at / and for any page path a browser asks for', async () => {
    for (const url of ['/', '/tickets/1042', '/users?tab=tokens', '/support/status/abc']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets with a long cache lifetime and other files revalidated', async () => {
    const asset = await get('/assets/index-abc123.js', '*/*');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    const icon = await get('/favicon.svg', '*/*');
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset with the JSON 404, not the page', async () => {
    const res = await get('/assets/missing.js', '*/*');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it('keeps /api, /docs, /health and /metrics out of the page fallback', async () => {
    for (const url of ['/api/nope', '/api/', '/docs/nope', '/health/x', '/metrics/x']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    expect((await get('/api/ping', 'application/json')).json()).toEqual({ ok: true });
  });

  it('does not serve files outside the build folder', async () => {
    for (const url of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await get(url, '*/*');
      expect(res.statusCode, url).toBe(404);
    }
    // A malformed escape never reaches the page fallback: Fastify refuses it first.
    expect((await get('/%E0%A4%A', '*/*')).statusCode).toBe(400);
  });

  it('serves nothing extra when the web app is not built', async () => {
    const bare = Fastify({ logger: false });
    installErrorHandling(bare);
    await registerWebApp(bare, join(dist, 'does-not-exist'));
    await bare.ready();
    expect((await bare.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } })).statusCode).toBe(404);
    await bare.close();
  });
});
