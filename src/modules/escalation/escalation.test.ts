import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { customers } from '../customers';
import { addCustomerMessage, createTicket, ticketMessages } from '../tickets';
import { DEFAULT_RULES, SUPERSEDED_CONDITIONS } from './default-rules';
import { evaluateEscalations } from './escalation.service';
import { findRuleByName, updateRuleRow } from './escalation.queries';
import { seedEscalationRules } from './rules.service';

let t: TestApp;
let admin: Caller;
let agent: Caller;
let lead: Caller;
const queueIds: Record<string, string> = {};

interface HistoryRow {
  action: string;
  actor_type: string;
  comment: string | null;
  new_value: unknown;
}

async function newTicket(subject: string, description: string, overrides: Record<string, unknown> = {}) {
  const res = await agent.request('POST', '/api/tickets', validTicketBody({ subject, description, category: 'technical', priority: 'normal', ...overrides }));
  expect(res.statusCode).toBe(201);
  return settled(res.json().id);
}
/** The ticket once its follow-ups (rules, auto-answer, assignment) have run, as they do right after a create. */
async function settled(id: string) {
  await t.settle();
  return get(id);
}
const history = async (id: string) => (await agent.request('GET', `/api/tickets/${id}/history`)).json().items as HistoryRow[];
const get = async (id: string) => (await agent.request('GET', `/api/tickets/${id}`)).json();

async function createRule(body: Record<string, unknown>) {
  const res = await admin.request('POST', '/api/admin/escalation-rules', { position: 5, ...body });
  expect(res.statusCode).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
  agent = await t.as('agent');
  lead = await t.as('lead');
  for (const q of (await agent.request('GET', '/api/queues')).json().items) queueIds[q.name] = q.id;
});
afterAll(() => t.close());

describe('the default rule set', () => {
  it('escalates "I want to talk to a manager, third time writing!" at once, with a readable reason in the history', async () => {
    const res = await agent.request(
      'POST',
      '/api/tickets',
      validTicketBody({ subject: 'Sync keeps failing', description: 'I want to talk to a manager, third time writing!' }),
    );
    expect(res.json().status).toBe('open');
    const ticket = await settled(res.json().id);
    expect(ticket).toMatchObject({ status: 'escalated', queue: { name: 'Escalations' } });
    expect(ticket.tags).toEqual(expect.arrayContaining(['wants-human', 'repeat-contact']));
    const rows = await history(ticket.id);
    const escalations = rows.filter((h) => h.action === 'escalated');
    expect(escalations.map((h) => h.comment)).toEqual([
      'Rule "Customer asks for a person": the customer asked to speak to a person ("talk to a manager").',
      'Rule "Repeat contact": the customer says they have written about this before ("third time writing").',
    ]);
    expect(escalations.every((h) => h.actor_type === 'automation')).toBe(true);
    expect(rows.find((h) => h.action === 'status_changed')).toMatchObject({ actor_type: 'automation', new_value: 'escalated' });
  });

  it('tells the leads about an escalation in their notifications', async () => {
    const ticket = await newTicket('Need help with export', 'Can I speak to a real person please? The export is empty.');
    const items = (await lead.request('GET', '/api/notifications')).json().items as { type: string; ticket_id: string; body: string }[];
    const note = items.find((n) => n.ticket_id === ticket.id);
    expect(note).toMatchObject({ type: 'escalation' });
    expect(note!.body).toContain('the customer asked to speak to a person');
  });

  it('does not escalate "the human resources module is broken"', async () => {
    const ticket = await newTicket('HR module', 'The human resources module is broken since the update.');
    expect(ticket.status).toBe('open');
    expect((await history(ticket.id)).map((h) => h.action)).toEqual(['created']);
  });

  it('does not escalate an urgent ticket for its urgency alone', async () => {
    const ticket = await newTicket('Outage in the EU region', 'Nothing loads for any of our users since 10:00.', { priority: 'urgent' });
    expect(ticket.status).toBe('open');
  });

  it('escalates an angry, threatening customer reply and stores the sentiment on the message', async () => {
    const ticket = await newTicket('Invoice is wrong', 'The March invoice charges two seats too many.');
    await addCustomerMessage(t.ctx, ticket.id, 'This is ridiculous and unacceptable. Fix it or I will cancel my subscription.');
    const after = await get(ticket.id);
    expect(after.status).toBe('escalated');
    expect(after.tags).toContain('angry-customer');
    const messages = await t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticket.id));
    expect(messages.every((m) => typeof (m.metadata.sentiment as { score: number }).score === 'number')).toBe(true);
  });

  it('does not treat a calm cancellation question as a threat', async () => {
    const ticket = await newTicket('Cancel subscription', 'How do I cancel my subscription at the end of the month?');
    expect(ticket.status).toBe('open');
  });

  it('raises a suspected security breach to urgent', async () => {
    const ticket = await newTicket('Strange logins', 'I think my account was hacked, there are logins from another country.');
    expect(ticket).toMatchObject({ status: 'escalated', priority: 'urgent' });
    expect(ticket.tags).toContain('security');
    // Raising the priority recomputes the SLA: the urgent first response is 30 minutes.
    expect(new Date(ticket.sla.first_response_due_at).getTime() - new Date(ticket.created_at).getTime()).toBe(30 * 60_000);
  });

  it('escalates a ticket reopened for the second time', async () => {
    const ticket = await newTicket('Export broken', 'The CSV export is empty.');
    for (let i = 0; i < 2; i += 1) {
      await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'resolved' });
      await addCustomerMessage(t.ctx, ticket.id, 'It is empty again.');
    }
    const after = await get(ticket.id);
    expect(after.status).toBe('escalated');
    expect((await history(ticket.id)).find((h) => h.action === 'escalated')?.comment).toBe('Rule "Repeat contact": the ticket was reopened 2 times.');
  });

  it('never fires a rule twice for the same cause', async () => {
    const ticket = await newTicket('Login trouble', 'Let me speak with someone in charge, the login page loops.');
    expect(await evaluateEscalations(t.ctx, ticket.id, { kind: 'sla' })).toEqual([]);
    await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'open' });
    expect(await evaluateEscalations(t.ctx, ticket.id, { kind: 'ticket_created' })).toEqual([]);
    expect((await history(ticket.id)).filter((h) => h.action === 'escalated')).toHaveLength(1);
  });

  it('skips tickets created by automation so automation never triggers itself', async () => {
    const ticket = await createTicket(t.ctx, { type: 'automation', id: null, name: 'importer' }, {
      subject: 'Imported',
      description: 'I want to talk to a manager about this.',
      channel: 'email',
      customer: { email: 'import@example.com' },
      category: 'general',
      priority: 'normal',
    });
    expect((await settled(ticket.id)).status).toBe('open');
  });
});

describe('custom rules and their actions', () => {
  it('escalates VIP customers to a lead with a tag and a notification', async () => {
    await createRule({
      name: 'VIP to a lead',
      conditions: { all: [{ type: 'vip' }, { type: 'keywords', words: ['vip-case'] }] },
      actions: [{ type: 'set_status', status: 'escalated' }, { type: 'assign', user_id: lead.userId }, { type: 'add_tag', tag: 'vip' }, { type: 'notify', recipients: ['assignee'] }],
    });
    const first = await newTicket('VIP setup', 'Please help with the vip-case setup.', { customer: { email: 'boss@bigcorp.example' } });
    expect(first.status).toBe('open');
    await t.ctx.db.update(customers).set({ vip: true }).where(eq(customers.id, first.customer.id));
    const ticket = await newTicket('VIP setup 2', 'Please help with the vip-case setup.', { customer: { email: 'boss@bigcorp.example' } });
    expect(ticket).toMatchObject({ status: 'escalated', assignee: { id: lead.userId } });
    expect(ticket.tags).toContain('vip');
    const types = ((await lead.request('GET', '/api/notifications')).json().items as { type: string; ticket_id: string }[]).filter((n) => n.ticket_id === ticket.id).map((n) => n.type);
    expect(types.sort()).toEqual(['assignment', 'escalation']);
  });

  it('escalates on low classifier confidence and raises the priority', async () => {
    await createRule({
      name: 'Unsure classifier',
      conditions: { all: [{ type: 'low_confidence', source: 'classifier', below: 1, head: 'category' }, { type: 'keywords', words: ['zebra-unsure'] }] },
      actions: [{ type: 'raise_priority', to: 'high' }, { type: 'move_to_queue', queue: 'Technical Issues' }],
    });
    const res = await agent.request('POST', '/api/tickets', validTicketBody({ subject: 'Something odd', description: 'zebra-unsure thing happens sometimes.' }));
    const ticket = await settled(res.json().id);
    expect(ticket).toMatchObject({ priority: 'high', queue: { name: 'Technical Issues' } });
    expect((await history(ticket.id)).find((h) => h.action === 'escalated')?.comment).toMatch(/^Rule "Unsure classifier": the classifier \(category\) is unsure \(confidence 0\.\d+\); the message mentions "zebra-unsure"\.$/);
  });

  it('assigns round-robin among active queue members, skipping deactivated users', async () => {
    const a = await t.as('agent');
    const b = await t.as('agent');
    const gone = await t.as('agent');
    const q = queueIds['Billing & Payments']!;
    const put = await admin.request('PUT', `/api/admin/queues/${q}/members`, { user_ids: [a.userId, b.userId, gone.userId] });
    expect(put.statusCode).toBe(200);
    expect((await admin.request('PATCH', `/api/admin/users/${gone.userId}`, { active: false })).statusCode).toBe(200);
    await createRule({
      name: 'Round robin billing',
      conditions: { type: 'keywords', words: ['rr-billing'] },
      actions: [{ type: 'assign_round_robin', queue: 'Billing & Payments' }],
    });
    const assignees = [];
    for (let i = 0; i < 4; i += 1) {
      t.clock.advance(1000);
      assignees.push((await newTicket('Billing question', `rr-billing question number ${i}`)).assignee.id);
    }
    expect(new Set(assignees.slice(0, 2))).toEqual(new Set([a.userId, b.userId]));
    expect(assignees.slice(2)).toEqual(assignees.slice(0, 2));
  });

  it('assigns new tickets of a least-loaded queue to the member with the fewest open tickets', async () => {
    const busy = await t.as('agent');
    const idle = await t.as('agent');
    const q = queueIds['General Support']!;
    await admin.request('PUT', `/api/admin/queues/${q}/members`, { user_ids: [busy.userId, idle.userId], assignment: 'least_loaded' });
    const existing = await newTicket('Busy one', 'A ticket for the busy agent.');
    await admin.request('PATCH', `/api/tickets/${existing.id}`, { assignee_id: busy.userId });
    await admin.request('PATCH', `/api/tickets/${existing.id}`, { assignee_id: busy.userId });
    const auto = await newTicket('Fresh one', 'Who gets this ticket?', { queue_id: q });
    expect(auto.assignee.id).toBe(idle.userId);
    const members = (await admin.request('GET', `/api/admin/queues/${q}/members`)).json();
    expect(members.assignment).toBe('least_loaded');
    await admin.request('PUT', `/api/admin/queues/${q}/members`, { assignment: 'none' });
  });
});

describe('rule definitions', () => {
  it.each([
    ['an unknown condition', { conditions: { type: 'moon_phase' } }],
    ['an unknown action', { actions: [{ type: 'launch_rocket' }] }],
    ['no actions', { actions: [] }],
    ['a queue that does not exist', { actions: [{ type: 'move_to_queue', queue: 'Nowhere' }] }],
    ['a threshold that is not a number', { conditions: { type: 'sentiment_below', threshold: 'low' } }],
    ['an extra field on a condition', { conditions: { type: 'vip', really: true } }],
    ['a notify without recipients', { actions: [{ type: 'notify' }] }],
    ['an assignee that does not exist', { actions: [{ type: 'assign', user_id: '00000000-0000-4000-8000-000000000000' }] }],
  ])('refuses %s with 400', async (_name, override) => {
    const res = await admin.request('POST', '/api/admin/escalation-rules', {
      name: `bad ${Math.random()}`,
      conditions: { type: 'vip' },
      actions: [{ type: 'add_tag', tag: 'x' }],
      ...override,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('lists the seeded defaults, lets admins edit them and keeps leads read-only', async () => {
    const items = (await lead.request('GET', '/api/admin/escalation-rules')).json().items as { id: string; name: string }[];
    expect(items.map((r) => r.name)).toEqual(expect.arrayContaining(['Customer asks for a person', 'Angry or threatening customer', 'Security breach or data loss', 'Repeat contact', 'SLA breached']));
    const sla = items.find((r) => r.name === 'SLA breached')!;
    expect((await lead.request('PATCH', `/api/admin/escalation-rules/${sla.id}`, { enabled: false })).statusCode).toBe(403);
    const res = await admin.request('PATCH', `/api/admin/escalation-rules/${sla.id}`, { description: 'Edited' });
    expect(res.json()).toMatchObject({ description: 'Edited', enabled: true });
  });
});

describe('manual escalation', () => {
  it('lets an agent escalate with a reason and a lead de-escalate', async () => {
    const ticket = await newTicket('Contract question', 'What does clause 7 of our contract mean?');
    const res = await agent.request('POST', `/api/tickets/${ticket.id}/escalate`, { reason: 'Legal wording, needs a senior look' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'escalated', queue: { name: 'Escalations' } });
    expect((await agent.request('POST', `/api/tickets/${ticket.id}/escalate`, { reason: 'again' })).statusCode).toBe(409);
    expect((await agent.request('POST', `/api/tickets/${ticket.id}/deescalate`, {})).statusCode).toBe(403);
    const back = await lead.request('POST', `/api/tickets/${ticket.id}/deescalate`, { reason: 'Answered by legal', queue_id: queueIds['General Support'] });
    expect(back.json()).toMatchObject({ status: 'open', queue: { name: 'General Support' } });
    const rows = await history(ticket.id);
    expect(rows.find((h) => h.action === 'escalated')).toMatchObject({ actor_type: 'user', comment: 'Legal wording, needs a senior look' });
    expect(rows.find((h) => h.action === 'deescalated')).toMatchObject({ comment: 'Answered by legal' });
  });

  it('refuses an agent who would take a ticket out of escalation by changing its status, as /deescalate does', async () => {
    const ticket = await newTicket('Legal hold question', 'Can you place our workspace under a legal hold?');
    expect((await agent.request('POST', `/api/tickets/${ticket.id}/escalate`, { reason: 'Legal' })).statusCode).toBe(200);
    for (const status of ['open', 'pending', 'resolved', 'closed']) {
      const res = await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status });
      expect([status, res.statusCode]).toEqual([status, 403]);
      expect(res.json().error.message).toContain('tickets:deescalate');
    }
    expect((await agent.request('GET', `/api/tickets/${ticket.id}`)).json().status).toBe('escalated');
    expect((await agent.request('PATCH', `/api/tickets/${ticket.id}`, { priority: 'high' })).statusCode).toBe(200);
    expect((await lead.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'open' })).json().status).toBe('open');
    const viewer = await t.as('viewer');
    expect((await viewer.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'pending' })).statusCode).toBe(403);
  });

  it('refuses a missing reason with 400 and a viewer with 403', async () => {
    const ticket = await newTicket('Another question', 'What does clause 8 of our contract mean?');
    expect((await agent.request('POST', `/api/tickets/${ticket.id}/escalate`, {})).statusCode).toBe(400);
    const viewer = await t.as('viewer');
    expect((await viewer.request('POST', `/api/tickets/${ticket.id}/escalate`, { reason: 'please look' })).statusCode).toBe(403);
  });
});

describe('default rules from an earlier version', () => {
  const name = 'Angry or threatening customer';
  const current = DEFAULT_RULES.find((r) => r.name === name)!.conditions;

  it('move to the current default conditions when nobody changed them', async () => {
    const row = (await findRuleByName(t.ctx.db, name))!;
    await updateRuleRow(t.ctx.db, row.id, { conditions: SUPERSEDED_CONDITIONS[name][0] });
    await seedEscalationRules(t.ctx);
    expect((await findRuleByName(t.ctx.db, name))!.conditions).toEqual(current);
  });

  it('stay as an admin edited them', async () => {
    const edited = { all: [{ type: 'sentiment_below', threshold: -4 }, { type: 'detector', name: 'anger' }] };
    const row = (await findRuleByName(t.ctx.db, name))!;
    expect((await admin.request('PATCH', `/api/admin/escalation-rules/${row.id}`, { conditions: edited })).statusCode).toBe(200);
    await seedEscalationRules(t.ctx);
    expect((await findRuleByName(t.ctx.db, name))!.conditions).toEqual(edited);
  });

  it('escalate a calm chargeback threat once upgraded', async () => {
    const row = (await findRuleByName(t.ctx.db, name))!;
    await updateRuleRow(t.ctx.db, row.id, { conditions: current });
    const ticket = await newTicket('Invoice 4411', 'If the duplicate charge is not refunded by Friday, I will file a chargeback with my bank.');
    expect((await get(ticket.id)).status).toBe('escalated');
  });
});
