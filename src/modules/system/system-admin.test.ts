import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger';
import { RecentLogs } from '../../core/recent-logs';
import { users } from '../users';

const SECRET_EMAIL = 'leak.target@example.com';
const SECRET_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let admin: Caller;
let lead: Caller;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
  lead = await t.as('lead');
  t.ctx.jobs.register({ name: 'test.boom', schema: z.object({}), maxAttempts: 1, handler: async () => Promise.reject(new Error('disk full while exporting')) });
  // A statement that fails with secrets among its parameters, as a bad insert into users would.
  t.ctx.jobs.register({
    name: 'test.leaky',
    schema: z.object({}),
    maxAttempts: 1,
    handler: async () => {
      await t.ctx.db.insert(users).values({ id: 'not-a-uuid', email: SECRET_EMAIL, name: 'Leak', role: 'agent', passwordHash: SECRET_HASH });
    },
  });
});
afterAll(() => t.close());

async function deadJob(): Promise<number> {
  await t.ctx.jobs.enqueue(t.ctx.db, 'test.boom', {});
  await t.ctx.jobs.runDue();
  const items = (await lead.request('GET', '/api/admin/jobs?status=dead')).json().items as { id: number; name: string }[];
  return items.find((j) => j.name === 'test.boom')!.id;
}

describe('operations: failed jobs and recent errors', () => {
  it('lists a dead job with its last error, and an admin (not a lead) can retry it once', async () => {
    const id = await deadJob();
    const listed = (await lead.request('GET', '/api/admin/jobs')).json().items.find((j: { id: number }) => j.id === id);
    expect(listed).toMatchObject({ name: 'test.boom', status: 'dead', attempts: 1, last_error: 'disk full while exporting' });
    expect((await lead.request('POST', `/api/admin/jobs/${id}/retry`)).statusCode).toBe(403);
    const retried = await admin.request('POST', `/api/admin/jobs/${id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id, status: 'pending', attempts: 0 });
    expect((await admin.request('POST', `/api/admin/jobs/${id}/retry`)).statusCode).toBe(404);
    expect((await admin.request('POST', '/api/admin/jobs/abc/retry')).statusCode).toBe(400);
    expect((await lead.request('GET', '/api/admin/jobs?status=done')).statusCode).toBe(400);
  });

  it('shows the error a failing job logged, with its job name, to leads but not agents', async () => {
    await deadJob();
    const res = await lead.request('GET', '/api/admin/system/logs?level=error');
    expect(res.statusCode).toBe(200);
    // With several Clara processes each keeps its own: the answer says which one it is.
    expect(res.json().process).toMatch(/^.+:\d+$/);
    const entry = res.json().items.find((e: { msg: string }) => e.msg === 'job failed for good');
    expect(entry).toMatchObject({ level: 'error', context: { job: 'test.boom' }, err: { message: 'disk full while exporting' } });
    expect((await (await t.as('agent')).request('GET', '/api/admin/system/logs')).statusCode).toBe(403);
  });
});

describe('secrets and the logs leads can read', () => {
  it('shows no password hash, address or statement parameter of a failed SQL statement', async () => {
    await t.ctx.jobs.enqueue(t.ctx.db, 'test.leaky', {});
    await t.ctx.jobs.runDue();
    const logs = await lead.request('GET', '/api/admin/system/logs?level=error');
    const failed = logs.json().items.find((e: { context: { job?: string } }) => e.context.job === 'test.leaky');
    expect(failed.err.message).toContain('params: [redacted]');
    const jobs = await lead.request('GET', '/api/admin/jobs?status=dead');
    for (const text of [logs.body, jobs.body]) {
      expect(text).not.toContain('$argon2id');
      expect(text).not.toContain(SECRET_EMAIL);
      expect(text).not.toContain('not-a-uuid');
    }
  });

  it('scrubs connection passwords, tokens and hashes from any logged error', () => {
    const recent = new RecentLogs();
    const log = createLogger('silent', recent);
    log.error({ err: new Error(`connect failed: smtps://mailer:Sup3rSecret@smtp.example.com:465 with Bearer clara_abcdef123456 and ${SECRET_HASH}`), token: 'tok-123' }, 'send failed for password=hunter22');
    const [entry] = recent.list();
    const text = JSON.stringify(entry);
    for (const secret of ['Sup3rSecret', 'clara_abcdef123456', '$argon2id', 'hunter22', 'tok-123']) expect(text).not.toContain(secret);
    expect(entry!.err!.message).toContain('smtps://mailer:[redacted]@smtp.example.com');
  });
});

describe('RecentLogs', () => {
  it('keeps only the newest warnings and errors, newest first, and ignores info lines', () => {
    const logs = new RecentLogs(2);
    logs.write(JSON.stringify({ level: 30, time: 1, msg: 'info' }));
    for (const [i, level] of [40, 50, 40].entries()) logs.write(JSON.stringify({ level, time: i, msg: `m${i}`, ticketId: 'x', body: { big: true } }));
    logs.write('not json');
    expect(logs.list().map((e) => e.msg)).toEqual(['m2', 'm1']);
    expect(logs.list({ minLevel: 'error' }).map((e) => [e.msg, e.context])).toEqual([['m1', { ticketId: 'x' }]]);
  });
});
