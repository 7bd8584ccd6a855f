import { randomBytes, randomUUID } from 'node:crypto';
import type { RouteOptions } from 'fastify';
import { count, eq } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { can, type Permission } from '../../core/rbac';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { outbox, inboundEmails } from '../email/email.table';
import { auditLog } from './audit.table';

// Every write that needs more than an agent's permissions (an admin's or a lead's) must leave an
// audit row. The route table is read from buildApp, so a new admin route without a case here fails.

let t: TestApp;
let admin: Caller;
let lead: Caller;
let agent: Caller;
let writes: { key: string; permission: Permission }[];
let personal: string[];

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '09:00', end: '17:00' }));
const unique = (prefix: string) => `${prefix}-${randomBytes(3).toString('hex')}`;

async function json(caller: Caller, method: string, url: string, body?: unknown) {
  const res = await caller.request(method, url, body);
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.body ? res.json() : null;
}

const newCalendar = () => json(admin, 'POST', '/api/admin/calendars', { name: unique('cal'), timezone: 'Europe/Berlin', working_hours: weekdays, holidays: [] });
const newRule = () =>
  json(admin, 'POST', '/api/admin/escalation-rules', { name: unique('rule'), position: 50, conditions: { type: 'keywords', words: [unique('word')] }, actions: [{ type: 'add_tag', tag: 'x' }] });
const mailbox = () => ({ name: unique('box'), host: '127.0.0.1', port: 1143, secure: false, username: 'support', password: 'imap-secret-pw', folder: 'INBOX', enabled: false });
const newArticle = () => json(lead, 'POST', '/api/kb/articles', { title: unique('Article'), body: 'How to do a thing, step by step.', category: 'general', tags: [], status: 'draft' });
const queueId = async () => (await json(admin, 'GET', '/api/queues')).items[0].id as string;
const newUser = () => json(admin, 'POST', '/api/admin/users', { email: `${unique('u')}@test.local`, name: 'Some One', role: 'agent', password: 'a-long-password-1' });
const slaPriority = async () => {
  const taken = new Set((await json(admin, 'GET', '/api/admin/slas')).items.map((s: { priority: string }) => s.priority));
  return ['urgent', 'high', 'normal', 'low'].find((p) => !taken.has(p));
};
const existingSla = async () => (await json(admin, 'GET', '/api/admin/slas')).items[0].id as string;

async function deadJob(): Promise<number> {
  await t.ctx.jobs.enqueue(t.ctx.db, 'test.audit.boom', {});
  await t.ctx.jobs.runDue();
  return (await t.ctx.jobs.list('dead', 50)).find((j) => j.name === 'test.audit.boom')!.id;
}

// How each guarded write is made to succeed: [method, url, body, caller].
type Call = [string, string, unknown?, Caller?];
const CASES: Record<string, () => Promise<Call>> = {
  'POST /api/admin/jobs/:id/retry': async () => ['POST', `/api/admin/jobs/${await deadJob()}/retry`],
  // With no demo loaded there is nothing to remove, and the removal is still recorded.
  'DELETE /api/admin/demo': async () => ['DELETE', '/api/admin/demo'],
  'POST /api/admin/users/:id/unlock-login': async () => ['POST', `/api/admin/users/${(await newUser()).id}/unlock-login`],
  'POST /api/admin/users': async () => ['POST', '/api/admin/users', { email: `${unique('u')}@test.local`, name: 'New', role: 'agent', password: 'a-long-password-1' }],
  'PATCH /api/admin/users/:id': async () => ['PATCH', `/api/admin/users/${(await newUser()).id}`, { role: 'lead' }],
  'POST /api/admin/users/:id/invite': async () => {
    const user = await json(admin, 'POST', '/api/admin/users', { email: `${unique('i')}@test.local`, name: 'Invitee', role: 'agent', invite: true });
    return ['POST', `/api/admin/users/${user.id}/invite`];
  },
  'POST /api/admin/tokens': async () => ['POST', '/api/admin/tokens', { name: unique('token') }],
  'DELETE /api/admin/tokens/:id': async () => ['DELETE', `/api/admin/tokens/${(await json(admin, 'POST', '/api/admin/tokens', { name: unique('token') })).id}`],
  'POST /api/queues': async () => ['POST', '/api/queues', { name: unique('Queue') }],
  'POST /api/queues/:id/archive': async () => {
    const q = await json(admin, 'POST', '/api/queues', { name: unique('Queue') });
    return ['POST', `/api/queues/${q.id}/archive`, { move_to: await queueId() }];
  },
  'POST /api/queues/:id/restore': async () => {
    const q = await json(admin, 'POST', '/api/queues', { name: unique('Queue') });
    await json(admin, 'POST', `/api/queues/${q.id}/archive`, { move_to: await queueId() });
    return ['POST', `/api/queues/${q.id}/restore`];
  },
  'PATCH /api/queues/:id': async () => ['PATCH', `/api/queues/${await queueId()}`, { description: unique('Questions about things') }],
  'POST /api/admin/classifier/train': async () => ['POST', '/api/admin/classifier/train', {}],
  'PUT /api/admin/classifier/routing': async () => ['PUT', '/api/admin/classifier/routing', (await json(admin, 'GET', '/api/admin/classifier')).routing],
  'POST /api/kb/articles': async () => ['POST', '/api/kb/articles', { title: unique('Article'), body: 'How to do a thing, step by step.', category: 'general', tags: [], status: 'draft' }, lead],
  'PATCH /api/kb/articles/:id': async () => ['PATCH', `/api/kb/articles/${(await newArticle()).id}`, { tags: ['changed'] }, lead],
  'POST /api/kb/articles/:id/publish': async () => ['POST', `/api/kb/articles/${(await newArticle()).id}/publish`, undefined, lead],
  'POST /api/kb/articles/:id/unpublish': async () => {
    const a = await newArticle();
    await json(lead, 'POST', `/api/kb/articles/${a.id}/publish`);
    return ['POST', `/api/kb/articles/${a.id}/unpublish`, undefined, lead];
  },
  'DELETE /api/kb/articles/:id': async () => ['DELETE', `/api/kb/articles/${(await newArticle()).id}`, undefined, lead],
  'PUT /api/admin/settings/autoresolve': async () => ['PUT', '/api/admin/settings/autoresolve', { threshold: 0.93 }],
  'POST /api/admin/calendars': async () => ['POST', '/api/admin/calendars', { name: unique('cal'), timezone: 'Europe/Berlin', working_hours: weekdays, holidays: [] }],
  'PATCH /api/admin/calendars/:id': async () => ['PATCH', `/api/admin/calendars/${(await newCalendar()).id}`, { timezone: 'Europe/Paris' }],
  'DELETE /api/admin/calendars/:id': async () => ['DELETE', `/api/admin/calendars/${(await newCalendar()).id}`],
  'POST /api/admin/slas': async () => {
    const priority = await slaPriority();
    if (!priority) await json(admin, 'DELETE', `/api/admin/slas/${await existingSla()}`);
    return ['POST', '/api/admin/slas', { name: unique('sla'), priority: priority ?? (await slaPriority()), first_response_minutes: 60, resolution_minutes: 600 }];
  },
  'PATCH /api/admin/slas/:id': async () => ['PATCH', `/api/admin/slas/${await existingSla()}`, { resolution_minutes: 6000 }],
  'DELETE /api/admin/slas/:id': async () => ['DELETE', `/api/admin/slas/${await existingSla()}`],
  'POST /api/tickets/:id/deescalate': async () => {
    const ticket = await json(agent, 'POST', '/api/tickets', validTicketBody());
    await json(agent, 'POST', `/api/tickets/${ticket.id}/escalate`, { reason: 'needs a senior look' });
    return ['POST', `/api/tickets/${ticket.id}/deescalate`, { reason: 'handled' }, lead];
  },
  'POST /api/admin/escalation-rules': async () => ['POST', '/api/admin/escalation-rules', { name: unique('rule'), position: 60, conditions: { type: 'keywords', words: ['zebra'] }, actions: [{ type: 'add_tag', tag: 'z' }] }],
  'PATCH /api/admin/escalation-rules/:id': async () => ['PATCH', `/api/admin/escalation-rules/${(await newRule()).id}`, { enabled: false }],
  'DELETE /api/admin/escalation-rules/:id': async () => ['DELETE', `/api/admin/escalation-rules/${(await newRule()).id}`],
  'PUT /api/admin/queues/:id/members': async () => ['PUT', `/api/admin/queues/${await queueId()}/members`, { user_ids: [agent.userId], assignment: 'round_robin' }],
  'POST /api/admin/queues/:id/members': async () => ['POST', `/api/admin/queues/${await queueId()}/members`, { user_id: lead.userId }],
  'DELETE /api/admin/queues/:id/members/:userId': async () => {
    const q = await queueId();
    await json(admin, 'POST', `/api/admin/queues/${q}/members`, { user_id: agent.userId });
    return ['DELETE', `/api/admin/queues/${q}/members/${agent.userId}`];
  },
  'POST /api/admin/outbox/:id/retry': async () => {
    const [row] = await t.ctx.db
      .insert(outbox)
      .values({ kind: 'notification', status: 'dead', toAddress: 'kate@example.com', fromAddress: 'support@test.local', subject: 'Hello', textBody: 'Hi', messageId: `<${randomUUID()}@test.local>`, attempts: 3, maxAttempts: 3 })
      .returning();
    return ['POST', `/api/admin/outbox/${row!.id}/retry`];
  },
  'POST /api/admin/inbound-emails/:id/retry': async () => {
    const [row] = await t.ctx.db
      .insert(inboundEmails)
      .values({ messageId: `<${randomUUID()}@mail.test>`, source: 'test', raw: Buffer.from('Subject: x\r\n\r\nbody'), status: 'failed', error: 'parse error' })
      .returning();
    return ['POST', `/api/admin/inbound-emails/${row!.id}/retry`];
  },
  'PUT /api/admin/email-templates/:key': async () => ['PUT', '/api/admin/email-templates/reply', { subject: 'Re: {{ticket.subject}}', text: '{{message.body}}', html: '<p>{{message.body}}</p>' }],
  'DELETE /api/admin/email-templates/:key': async () => ['DELETE', '/api/admin/email-templates/reply'],
  'POST /api/admin/mailboxes': async () => ['POST', '/api/admin/mailboxes', mailbox()],
  'PATCH /api/admin/mailboxes/:id': async () => ['PATCH', `/api/admin/mailboxes/${(await json(admin, 'POST', '/api/admin/mailboxes', mailbox())).id}`, { password: 'a-new-imap-secret' }],
  'DELETE /api/admin/mailboxes/:id': async () => ['DELETE', `/api/admin/mailboxes/${(await json(admin, 'POST', '/api/admin/mailboxes', mailbox())).id}`],
};

beforeAll(async () => {
  t = await createTestApp({ config: { CLARA_SECRET_KEY: 'k'.repeat(32) } });
  t.ctx.jobs.register({ name: 'test.audit.boom', schema: z.object({}), maxAttempts: 1, handler: async () => Promise.reject(new Error('boom')) });
  admin = await t.asAdmin();
  lead = await t.as('lead');
  agent = await t.as('agent');
  writes = [];
  personal = [];
  const probe = await buildApp(t.ctx, {
    onRoute: (route: RouteOptions) => {
      const config = route.config as { permission?: Permission; personal?: boolean } | undefined;
      const permission = config?.permission;
      for (const method of [route.method].flat()) {
        if (method === 'GET' || method === 'HEAD' || !route.url.startsWith('/api/') || !permission || can('agent', permission)) continue;
        if (config?.personal) {
          personal.push(`${method} ${route.url}`);
          continue;
        }
        writes.push({ key: `${method} ${route.url}`, permission });
      }
    },
  });
  await probe.ready();
  await probe.close();
});
afterAll(() => t.close());

const auditRows = async (actorId: string) => Number((await t.ctx.db.select({ n: count() }).from(auditLog).where(eq(auditLog.actorId, actorId)))[0]!.n);

describe('admin and lead writes', () => {
  it('are all known to this test', () => {
    // A user's own drafts, saved while typing, are the only lead writes that are not audited.
    expect(personal.sort()).toEqual(['DELETE /api/kb/drafts/:ref', 'PUT /api/kb/drafts/:ref']);
    expect(writes.length).toBeGreaterThan(30);
    expect(writes.map((w) => w.key).filter((k) => !(k in CASES))).toEqual([]);
  });

  it('each leave an audit row naming the actor when they succeed', async () => {
    const silent: string[] = [];
    for (const { key } of writes) {
      const [method, url, body, caller = admin] = await CASES[key]!();
      const before = await auditRows(caller.userId!);
      const res = await caller.request(method, url, body);
      expect(res.statusCode, `${key}: ${res.body}`).toBeLessThan(300);
      if ((await auditRows(caller.userId!)) <= before) silent.push(key);
    }
    expect(silent).toEqual([]);
  });

  it('record a masked before/after diff', async () => {
    const box = await json(admin, 'POST', '/api/admin/mailboxes', mailbox());
    await json(admin, 'PATCH', `/api/admin/mailboxes/${box.id}`, { password: 'another-imap-secret', folder: 'Support' });
    const [row] = (await json(admin, 'GET', `/api/admin/audit?target_type=mailbox&target_id=${box.id}&action=mailbox.updated`)).items;
    expect(row).toMatchObject({ actor_id: admin.userId, target_type: 'mailbox', target_id: box.id });
    expect(row.details.changes).toEqual({ folder: { old: 'INBOX', new: 'Support' }, password: { old: '[masked]', new: '[masked]' } });
    expect(JSON.stringify(row)).not.toMatch(/imap-secret/);
  });
});
