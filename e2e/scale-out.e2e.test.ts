import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, databaseUrl, dropDatabase } from '../src/testing/test-database';
import { startClaraServer, type RunningServer } from './support/clara-server';

// Two Clara processes on one PostgreSQL behave like one: a session, a login lockout, a client's
// request count, a setting and a routing table made through one hold on the other, a ticket taken by
// the web process has its follow-ups run by the job process at once, and concurrent creates on both
// get distinct ticket numbers.
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Session {
  cookie: string;
  csrf: string;
}

async function login(base: string, email: string, password: string): Promise<{ status: number; session?: Session }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) return { status: res.status };
  const body = (await res.json()) as { csrf_token: string };
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('clara_session='))!.split(';')[0]!;
  return { status: 200, session: { cookie, csrf: body.csrf_token } };
}

async function call(base: string, s: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('two Clara processes on one PostgreSQL', () => {
  let name = '';
  let a: RunningServer;
  let b: RunningServer;
  let admin: Session;

  beforeAll(async () => {
    name = await createDatabase(SERVER_URL, 'clara_scale');
    const env = { CLARA_LOGIN_MAX_FAILURES: '3', CLARA_PUBLIC_INTAKE_PER_MINUTE: '2' };
    // As docs/deploy.md describes: a runs the jobs (polling only once a minute, so only a wakeup makes
    // it quick), b is a web process that runs none.
    a = await startClaraServer({ demo: false, env: { ...env, CLARA_JOB_POLL_MS: '60000' }, databaseUrl: databaseUrl(SERVER_URL, name) });
    b = await startClaraServer({ demo: false, env: { ...env, CLARA_JOBS: '0' }, databaseUrl: databaseUrl(SERVER_URL, name) });
    admin = (await login(a.url, a.adminEmail, a.adminPassword)).session!;
  }, 180_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    if (name) await dropDatabase(SERVER_URL, name);
  });

  it('accepts a session opened on one process on the other', async () => {
    expect((await call(b.url, admin, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('refuses on the second process a login the first one locked', async () => {
    const user = { email: 'scale.agent@example.com', name: 'Scale Agent', role: 'agent', password: 'scale-password-123' };
    expect((await call(a.url, admin, 'POST', '/api/admin/users', user)).status).toBe(201);
    for (let i = 0; i < 3; i++) expect((await login(a.url, user.email, 'wrong-password')).status).toBe(401);
    expect((await login(b.url, user.email, user.password)).status).toBe(429);
    const created = (await call(b.url, admin, 'GET', '/api/admin/users')).json.items as { id: string; email: string }[];
    const id = created.find((u) => u.email === user.email)!.id;
    expect((await call(b.url, admin, 'POST', `/api/admin/users/${id}/unlock-login`)).status).toBe(200);
    expect((await login(a.url, user.email, user.password)).status).toBe(200);
  });

  it("counts a client's public requests on both processes together", async () => {
    const intake = (base: string, i: number) =>
      fetch(`${base}/api/public/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ subject: `Public request ${i}`, description: 'Sent to either process, one client.', email: `walkin${i}@example.com` }),
      });
    expect((await intake(a.url, 1)).status).toBe(201);
    expect((await intake(b.url, 2)).status).toBe(201);
    const third = await intake(a.url, 3);
    expect(third.status).toBe(429);
    expect((await intake(b.url, 4)).status).toBe(429);
  });

  it('applies a setting changed on one process on the other', async () => {
    const put = await call(a.url, admin, 'PUT', '/api/admin/settings/autoresolve', { mode: 'suggest', threshold: 0.95, max_priority: 'low' });
    expect(put.status).toBe(200);
    expect((await call(b.url, admin, 'GET', '/api/admin/settings/autoresolve')).json).toMatchObject({ mode: 'suggest', threshold: 0.95, max_priority: 'low' });
  });

  it('routes by a routing table changed on the other process at once', async () => {
    const info = (await call(b.url, admin, 'GET', '/api/admin/classifier')).json as { routing: Record<string, Record<string, string>> };
    const labelled = { subject: 'Database down', description: 'Nothing loads.', channel: 'web', category: 'technical', priority: 'urgent', customer: { email: 'router@example.com' } };
    const before = await call(b.url, admin, 'POST', '/api/tickets', labelled);
    expect(before.json.queue).toMatchObject({ name: 'Technical Issues' });
    const routing = { ...info.routing, technical: { ...info.routing.technical, urgent: 'Escalations' } };
    expect((await call(a.url, admin, 'PUT', '/api/admin/classifier/routing', routing)).status).toBe(200);
    // b reads its routing copy every 30 s; the change must not wait for that.
    await expect.poll(async () => (await call(b.url, admin, 'POST', '/api/tickets', labelled)).json.queue, { timeout: 3_000, interval: 250 }).toMatchObject({ name: 'Escalations' });
  });

  it('times the next ticket on the other process by an SLA policy changed on one at once', async () => {
    type Sla = { id: string; priority: string; active: boolean; first_response_minutes: number; resolution_minutes: number };
    const low = ((await call(b.url, admin, 'GET', '/api/admin/slas')).json.items as Sla[]).find((s) => s.priority === 'low' && s.active)!;
    expect(low.first_response_minutes).toBeLessThan(low.resolution_minutes);
    const ticket = { subject: 'Feature idea', description: 'Dark mode would be nice.', channel: 'web', category: 'general', priority: 'low', customer: { email: 'sla@example.com' } };
    const firstResponseIn = async () => {
      const created = (await call(b.url, admin, 'POST', '/api/tickets', ticket)).json as { created_at: string; sla: { first_response_due_at: string } };
      return Date.parse(created.sla.first_response_due_at) - Date.parse(created.created_at);
    };
    const before = await firstResponseIn();
    expect((await call(a.url, admin, 'PATCH', `/api/admin/slas/${low.id}`, { first_response_minutes: low.resolution_minutes })).status).toBe(200);
    // b keeps the SLA policies cached; a's change drops them there when it commits.
    await expect.poll(firstResponseIn, { timeout: 3_000, interval: 250 }).toBeGreaterThan(before);
  });

  it('finds an article published through one process on the other at once, and stops when it is unpublished', async () => {
    const found = async (base: string) => {
      const res = await call(base, admin, 'GET', `/api/kb/search?q=${encodeURIComponent('kayak paddle lockers')}`);
      return (res.json.items as { slug: string }[]).some((i) => i.slug === 'kayak-lockers');
    };
    // b counts the knowledge base's words before the article exists, and keeps them until told otherwise.
    expect(await found(b.url)).toBe(false);
    const body = 'Members can rent a kayak paddle locker at the boathouse for the season. Lockers are assigned at the front desk.';
    const created = await call(a.url, admin, 'POST', '/api/kb/articles', { title: 'Kayak paddle lockers', slug: 'kayak-lockers', body, status: 'published' });
    expect(created.status).toBe(201);
    await expect.poll(() => found(a.url), { timeout: 10_000, interval: 100 }).toBe(true);
    await expect.poll(() => found(b.url), { timeout: 3_000, interval: 100 }).toBe(true);
    expect((await call(b.url, admin, 'POST', '/api/kb/articles/kayak-lockers/unpublish')).status).toBe(200);
    await expect.poll(() => found(a.url), { timeout: 3_000, interval: 100 }).toBe(false);
  });

  it("runs a new ticket's follow-ups on the job process within seconds of a create on the web process", async () => {
    const created = await call(b.url, admin, 'POST', '/api/tickets', {
      subject: 'Third time writing',
      description: 'I want to talk to a manager, third time writing!',
      channel: 'web',
      category: 'general',
      priority: 'normal',
      customer: { email: 'angry@example.com' },
    });
    expect(created.status).toBe(201);
    const started = Date.now();
    await expect.poll(async () => (await call(b.url, admin, 'GET', `/api/tickets/${String(created.json.id)}`)).json.status, { timeout: 5_000, interval: 100 }).toBe('escalated');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives concurrent creates on both processes distinct ticket numbers', async () => {
    const create = (base: string, i: number) =>
      call(base, admin, 'POST', '/api/tickets', {
        subject: `Scale-out ticket number ${i}`,
        description: 'Created at the same time on two processes.',
        channel: 'web',
        category: 'general',
        priority: 'normal',
        customer: { email: `scale${i}@example.com` },
      });
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => create(i % 2 ? a.url : b.url, i)));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const numbers = results.map((r) => r.json.number as number);
    expect(new Set(numbers).size).toBe(24);
  });
});

// `clara serve --workers 2` (CLARA_WORKERS): one command, one port, two processes that share the work.
describe('clara serve with two workers on PostgreSQL', () => {
  let name = '';
  let server: RunningServer;

  beforeAll(async () => {
    name = await createDatabase(SERVER_URL, 'clara_workers');
    server = await startClaraServer({ demo: false, env: { CLARA_WORKERS: '2' }, databaseUrl: databaseUrl(SERVER_URL, name) });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (name) await dropDatabase(SERVER_URL, name);
  });

  // A fresh connection each time: the primary hands connections to the workers in turn.
  const healthOnNewConnection = (s: Session) =>
    new Promise<{ process: string }>((resolve, reject) => {
      const req = httpRequest(`${server.url}/health`, { agent: false, headers: { cookie: s.cookie } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(JSON.parse(body) as { process: string }));
      });
      req.on('error', reject);
      req.end();
    });

  it('answers on one port from two processes with one database', async () => {
    const admin = (await login(server.url, server.adminEmail, server.adminPassword)).session!;
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) seen.add((await healthOnNewConnection(admin)).process);
    expect(seen.size).toBe(2);
    const created = await call(server.url, admin, 'POST', '/api/tickets', {
      subject: 'Worker ticket',
      description: 'I want to talk to a manager, third time writing!',
      channel: 'web',
      customer: { email: 'workers@example.com' },
    });
    expect(created.status).toBe(201);
    await expect.poll(async () => (await call(server.url, admin, 'GET', `/api/tickets/${String(created.json.id)}`)).json.status, { timeout: 5_000 }).toBe('escalated');
  });
});
