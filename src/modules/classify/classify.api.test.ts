import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { CATEGORY_TRIAGE_BELOW } from './active-classifier';
import { feedbackJsonl } from './classify.service';

let t: TestApp;
let agent: Caller;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.as('agent');
  admin = await t.asAdmin();
});
afterAll(() => t.close());

const classify = (subject: string, description: string) => agent.request('POST', '/api/classify', { subject, description });

describe('POST /api/classify', () => {
  it('classifies the original guide’s three cases sensibly', async () => {
    const login = (await classify('Cannot log in', 'I forgot my password and the reset link does not arrive, I cannot log in to my account.')).json();
    expect(login.category).toBe('technical');
    const charge = (await classify('Charged twice', 'I was charged twice for my subscription this month, please refund the double charge.')).json();
    expect(charge.category).toBe('billing');
    expect(['high', 'urgent']).toContain(charge.priority);
    const question = (await classify('Question about features', 'Do you have a feature to share dashboards with people outside my team?')).json();
    expect(question.category).not.toBe('billing');
    expect(login).toMatchObject({ model: { version: expect.any(String) }, confidence: { category: expect.any(Number) } });
    expect(login.confidence.category).toBeGreaterThan(0.5);
    expect(login.confidence.category).toBeLessThanOrEqual(1);
  });

  it('raises priority to urgent on an outage and says why', async () => {
    const res = (await classify('Everything is down', 'Our production is down for everyone since 9:00, this is an outage!')).json();
    expect(res.priority).toBe('urgent');
    expect(res.rule.reason).toMatch(/outage|down/i);
  });

  it('refuses an empty text with 400', async () => {
    const res = await agent.request('POST', '/api/classify', { subject: ' ', description: '' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect((await agent.request('POST', '/api/classify', { subject: 42 })).statusCode).toBe(400);
  });
});

describe('tickets without labels', () => {
  it('come back classified, routed and with confidences in metadata', async () => {
    const res = await agent.request(
      'POST',
      '/api/tickets',
      validTicketBody({ subject: 'Refund for a double charge', description: 'My card was charged twice for the same invoice. Please refund one of the payments.' }),
    );
    const ticket = res.json();
    expect(ticket.category).toBe('billing');
    expect(ticket.queue.name).toBe('Billing & Payments');
    expect(ticket.intent).toEqual(expect.any(String));
    expect(ticket.metadata.classification).toMatchObject({
      confidence: { category: expect.any(Number), priority: expect.any(Number), intent: expect.any(Number) },
      model: { version: expect.any(String) },
      top_terms: expect.any(Array),
    });
  });

  it('sends a ticket whose category it is unsure of to the default queue for a person to sort', async () => {
    const res = await agent.request('POST', '/api/tickets', validTicketBody({ subject: 'Hi team', description: 'Can you help me with this please?' }));
    expect(res.statusCode, res.body).toBe(201);
    const ticket = res.json();
    expect(ticket.metadata.classification.confidence.category).toBeLessThan(CATEGORY_TRIAGE_BELOW);
    expect(ticket).toMatchObject({ queue: { name: 'General Support' }, tags: ['needs-triage'] });
    expect(ticket.metadata.classification.uncertain).toBe(true);
    const created = (await agent.request('GET', `/api/tickets/${ticket.id}/history`)).json().items.find((h: { action: string }) => h.action === 'created');
    expect(created.comment).toMatch(/unsure of the category/);
  });

  it('keeps labels the caller gave and routes by them', async () => {
    const ticket = (
      await agent.request('POST', '/api/tickets', validTicketBody({ subject: 'Refund please', description: 'I was charged twice, refund me.', category: 'technical', priority: 'low' }))
    ).json();
    expect(ticket).toMatchObject({ category: 'technical', priority: 'low', queue: { name: 'Technical Issues' } });
  });
});

describe('routing table and model info', () => {
  it('lets an admin reroute urgent technical tickets to Escalations, audited', async () => {
    const info = (await admin.request('GET', '/api/admin/classifier')).json();
    const routing = { ...info.routing, technical: { ...info.routing.technical, urgent: 'Escalations' } };
    const put = await admin.request('PUT', '/api/admin/classifier/routing', routing);
    expect(put.statusCode).toBe(200);
    const ticket = (await agent.request('POST', '/api/tickets', validTicketBody({ category: 'technical', priority: 'urgent' }))).json();
    expect(ticket.queue.name).toBe('Escalations');
    const audit = (await admin.request('GET', '/api/admin/audit?action=settings.routing_changed')).json();
    expect(audit.items).toHaveLength(1);
  });

  it('refuses a routing table naming an unknown queue and agents editing it', async () => {
    const info = (await admin.request('GET', '/api/admin/classifier')).json();
    const bad = { ...info.routing, billing: { ...info.routing.billing, low: 'Nowhere' } };
    expect((await admin.request('PUT', '/api/admin/classifier/routing', bad)).statusCode).toBe(400);
    expect((await agent.request('PUT', '/api/admin/classifier/routing', info.routing)).statusCode).toBe(403);
  });

  it('shows the active model version, training date and held-out metrics', async () => {
    const info = (await admin.request('GET', '/api/admin/classifier')).json();
    expect(info).toMatchObject({ source: 'shipped', version: expect.any(String), trained_at: expect.any(String) });
    expect(info.metrics.metrics.category.accuracy).toBeGreaterThan(0.9);
  });
});

describe('feedback loop', () => {
  it('stores an agent’s label correction as a training example', async () => {
    const ticket = (await agent.request('POST', '/api/tickets', validTicketBody({ subject: 'Strange thing happened', description: 'Something odd with my account page today.' }))).json();
    const corrected = ticket.category === 'billing' ? 'general' : 'billing';
    await agent.request('PATCH', `/api/tickets/${ticket.id}`, { category: corrected });
    const { jsonl } = await feedbackJsonl(t.ctx);
    const examples = jsonl.split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(examples).toContainEqual({ subject: 'Strange thing happened', description: 'Something odd with my account page today.', category: corrected });
  });

  it('retrains in a background job and keeps the current model when the new one is worse', { timeout: 240_000 }, async () => {
    await t.settle(); // the follow-ups of the tickets above
    const res = await admin.request('POST', '/api/admin/classifier/train', { sample: 40 });
    expect(res.statusCode).toBe(202);
    expect((await agent.request('POST', '/api/admin/classifier/train', {})).statusCode).toBe(403);
    expect(await t.ctx.jobs.runDue()).toBe(1);
    const info = (await admin.request('GET', '/api/admin/classifier')).json();
    expect(info.last_training).toMatchObject({ promoted: false, feedback_examples: expect.any(Number) });
    expect(info.last_training.decision).toMatch(/keep current/);
    expect(info.source).toBe('shipped');
  });
});
