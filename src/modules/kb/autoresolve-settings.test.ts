import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { DEMO_KB_DIR } from './article-files';
import { importArticles, readDrafts } from './kb-import.service';

let t: TestApp;
let admin: Caller;
let lead: Caller;

beforeAll(async () => {
  t = await createTestApp({ config: { CLARA_AUTORESOLVE_THRESHOLD: 0.85 } });
  await importArticles(t.ctx, await readDrafts(DEMO_KB_DIR));
  admin = await t.asAdmin();
  lead = await t.as('lead');
});
afterAll(() => t.close());

const URL = '/api/admin/settings/autoresolve';
const covered = { subject: 'Two-factor authentication', description: 'How do I regenerate my recovery codes for two-factor authentication?', email: 'jane@example.com' };

async function newPublicTicketStatus(): Promise<string> {
  const res = await t.anonymous().request('POST', '/api/public/tickets', covered);
  expect(res.statusCode).toBe(201);
  await t.settle();
  return (await admin.request('GET', `/api/tickets/${res.json().number}`)).json().status;
}

describe('the auto-resolve threshold setting', () => {
  it('reports the CLARA_AUTORESOLVE_THRESHOLD default while no admin has set one', async () => {
    const res = await lead.request('GET', URL);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mode: 'auto_resolve', threshold: 0.85, source: 'default', default_threshold: 0.85, max_priority: 'normal' });
  });

  it('lets an admin change it, records the change in the audit log, and refuses a lead', async () => {
    expect((await lead.request('PUT', URL, { threshold: 0.9 })).statusCode).toBe(403);
    const res = await admin.request('PUT', URL, { threshold: 0.9 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mode: 'auto_resolve', threshold: 0.9, source: 'setting', default_threshold: 0.85, max_priority: 'normal' });
    expect((await lead.request('GET', URL)).json().threshold).toBe(0.9);
    const audit = (await admin.request('GET', '/api/admin/audit?action=settings.autoresolve_changed')).json();
    expect(audit.items[0]).toMatchObject({ action: 'settings.autoresolve_changed', details: { old: { threshold: null }, new: { threshold: 0.9 } } });
  });

  it('refuses a threshold below 0.5 or above 1 with 400 naming the field', async () => {
    for (const threshold of [0.2, 1.5, 'high']) {
      const res = await admin.request('PUT', URL, { threshold });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error.details)).toContain('threshold');
    }
  });

  it('stops auto-resolving a covered question once the bar is raised to 1, and resumes at the default', async () => {
    await admin.request('PUT', URL, { threshold: 1 });
    expect(await newPublicTicketStatus()).toBe('open');
    const back = await admin.request('PUT', URL, { threshold: null });
    expect(back.json()).toMatchObject({ threshold: 0.85, source: 'default', default_threshold: 0.85 });
    expect(await newPublicTicketStatus()).toBe('resolved');
  });
});

async function agentTicket(priority: string): Promise<{ status: string; metadata: Record<string, unknown> }> {
  const res = await lead.request('POST', '/api/tickets', { ...covered, channel: 'web', customer: { email: covered.email }, email: undefined, priority, category: 'technical' });
  expect(res.statusCode).toBe(201);
  await t.settle();
  return (await admin.request('GET', `/api/tickets/${res.json().number}`)).json();
}

describe('the auto-answer mode and priority limit', () => {
  afterAll(async () => {
    await admin.request('PUT', URL, { mode: 'auto_resolve', max_priority: 'normal', threshold: null });
  });

  it('answers nothing in mode off: the ticket stays open without a suggestion', async () => {
    expect((await admin.request('PUT', URL, { mode: 'off' })).json()).toMatchObject({ mode: 'off', threshold: 0.85 });
    const ticket = await agentTicket('normal');
    expect(ticket.status).toBe('open');
    expect(ticket.metadata.kb_suggestion).toBeUndefined();
  });

  it('only suggests in mode suggest: the agent gets the answer, the customer does not', async () => {
    await admin.request('PUT', URL, { mode: 'suggest' });
    const ticket = await agentTicket('low');
    expect(ticket.status).toBe('open');
    expect(ticket.metadata.kb_suggestion).toMatchObject({ covered: true });
    expect((await admin.request('GET', `/api/tickets/${(ticket as unknown as { id: string }).id}/messages`)).json().items.filter((m: { author_type: string }) => m.author_type === 'automation')).toEqual([]);
  });

  it('resolves only up to the highest priority allowed: normal by default, high when raised, urgent never', async () => {
    await admin.request('PUT', URL, { mode: 'auto_resolve' });
    expect((await agentTicket('normal')).status).toBe('resolved');
    expect((await agentTicket('high')).status).toBe('open');
    expect((await admin.request('PUT', URL, { max_priority: 'high' })).json()).toMatchObject({ max_priority: 'high', mode: 'auto_resolve' });
    expect((await agentTicket('high')).status).toBe('resolved');
    expect((await agentTicket('urgent')).status).toBe('open');
    expect((await admin.request('PUT', URL, { max_priority: 'urgent' })).statusCode).toBe(400);
  });

  it('refuses an unknown mode and an empty change with 400', async () => {
    expect((await admin.request('PUT', URL, { mode: 'always' })).statusCode).toBe(400);
    expect((await admin.request('PUT', URL, {})).statusCode).toBe(400);
    expect((await lead.request('PUT', URL, { mode: 'off' })).statusCode).toBe(403);
  });
});

describe('the auto-resolve preview', () => {
  it("replays the last 30 days' tickets against another threshold and priority limit", async () => {
    const at = async (query: string) => {
      const res = await lead.request('GET', `${URL}/preview?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // One more auto-resolved ticket whose customer writes back.
    const created = (await t.anonymous().request('POST', '/api/public/tickets', covered)).json();
    await t.settle();
    expect((await admin.request('GET', `/api/tickets/${created.number}`)).json().status).toBe('resolved');
    expect((await t.anonymous().request('POST', `/api/public/tickets/${created.token}/messages`, { body: 'That did not help, the codes page is empty.' })).statusCode).toBe(201);

    const now = await at('');
    // 9 tickets: the "off" one has no answer on record; 4 resolved by Clara, 1 of them reopened; the
    // normal limit leaves out the two high and the urgent ticket.
    expect(now).toEqual({ days: 30, threshold: 0.85, max_priority: 'normal', tickets: 9, answered: 8, would_resolve: 5, reopened: 1, auto_resolved: 4 });
    expect(await at('max_priority=high')).toMatchObject({ max_priority: 'high', would_resolve: 7, reopened: 1 });
    const strict = await at('threshold=1');
    expect(strict.would_resolve).toBe(0);
    expect((await lead.request('GET', `${URL}/preview?threshold=0.1`)).statusCode).toBe(400);
    // Nothing older than 30 days counts.
    t.clock.advance(31 * 86_400_000);
    lead = await t.as('lead'); // the old session expired with the month
    expect(await at('')).toMatchObject({ tickets: 0, answered: 0, would_resolve: 0, reopened: 0 });
  });
});
