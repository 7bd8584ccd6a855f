import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type TestApp } from '../../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('tells anyone only whether Clara is up, and staff with system:read the details', async () => {
    const outside = await t.anonymous().request('GET', '/health');
    expect(outside.statusCode).toBe(200);
    expect(outside.json()).toEqual({ status: 'ok', ready: true });
    expect((await (await t.as('agent')).request('GET', '/health')).json()).toEqual({ status: 'ok', ready: true });
  });

  it('reports health with the database driver, vector support and job counts', async () => {
    const res = await (await t.as('lead')).request('GET', '/health');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const expectedDriver = process.env.DATABASE_URL ? 'postgres' : 'pglite';
    expect(body).toMatchObject({ status: 'ok', db: { driver: expectedDriver, ok: true }, jobs: { pending: 0, dead: 0 } });
    // PGlite bundles pgvector; Debian's PostgreSQL here does not, and health must say so.
    expect(body.db.vector).toBe(t.ctx.database.vector);
    expect(body.features.pgvector.enabled).toBe(body.db.vector);
    // Tests run without an embedding model: retrieval is full-text and health says why.
    expect(body.retrieval).toBe('fulltext');
    expect(body.features.semantic_search).toMatchObject({ enabled: false, detail: expect.stringContaining('off') });
    if (expectedDriver === 'pglite') expect(body.db.vector).toBe(true);
  });

  it('exposes Prometheus metrics including request counts and tickets created', async () => {
    const agent = await t.as('agent');
    await agent.request('POST', '/api/tickets', validTicketBody({ channel: 'chat' }));
    expect((await t.anonymous().request('GET', '/metrics')).statusCode).toBe(401);
    expect((await agent.request('GET', '/metrics')).statusCode).toBe(401);
    const res = await (await t.as('lead')).request('GET', '/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('clara_tickets_created_total{channel="chat"} 1');
    expect(res.body).toMatch(/clara_http_requests_total\{method="POST",route="\/api\/tickets",status="201"\} 1/);
    expect(res.body).toContain('clara_job_queue_depth{status="pending"}');
  });

  it('lets Prometheus read the metrics with the CLARA_METRICS_TOKEN bearer token', async () => {
    const scraped = await createTestApp({ config: { CLARA_METRICS_TOKEN: 'metrics-token-0123456789' } });
    try {
      const scrape = (token: string) => scraped.anonymous().request('GET', '/metrics', undefined, { authorization: `Bearer ${token}` });
      expect((await scrape('metrics-token-0123456789')).statusCode).toBe(200);
      const wrong = await scrape('metrics-token-9876543210');
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.message).toContain('CLARA_METRICS_TOKEN');
    } finally {
      await scraped.close();
    }
  });

  it('serves the OpenAPI document listing the ticket routes', async () => {
    const res = await t.anonymous().request('GET', '/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/tickets', '/api/tickets/{id}', '/api/auth/login', '/api/admin/users']));
    expect(doc.paths['/api/tickets'].post.requestBody).toBeDefined();
  });

  it('answers unknown routes with 404 in the one error shape and a request id', async () => {
    const res = await t.anonymous().request('GET', '/api/nope');
    expect(res.statusCode).toBe(404);
    const body = res.json();
    expect(body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('keeps a caller-supplied request id for tracing', async () => {
    const res = await t.anonymous().request('GET', '/health', undefined, { 'x-request-id': 'trace-12345678' });
    expect(res.headers['x-request-id']).toBe('trace-12345678');
  });

  it('refuses an oversized body with 413 in the error shape', async () => {
    const agent = await t.as('agent');
    const res = await agent.request('POST', '/api/tickets', validTicketBody({ description: 'x'.repeat(1_100_000) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses an unsupported content type with 415 in the error shape', async () => {
    const agent = await t.as('agent');
    const res = await agent.request('POST', '/api/tickets', 'subject=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a badly %-encoded URL and an over-long path parameter in the error shape', async () => {
    const agent = await t.as('agent');
    const bad = await agent.request('GET', '/api/tickets/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'BAD_REQUEST', requestId: expect.any(String) });
    const long = await agent.request('GET', `/api/tickets/${'x'.repeat(300)}`);
    expect(long.statusCode).toBe(404);
    expect(long.json().error.code).toBe('NOT_FOUND');
    expect(long.json().error.message.length).toBeLessThan(200);
  });
});
