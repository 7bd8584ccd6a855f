import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';

// A team shapes its own queues: create, rename (routes and rules follow), archive (tickets,
// routes and rules move to another queue) and restore.

let t: TestApp;
let admin: Caller;
let agent: Caller;
const id: Record<string, string> = {};

const queues = async () => (await admin.request('GET', '/api/queues')).json().items as { id: string; name: string; active: boolean }[];
const routing = async () => (await admin.request('GET', '/api/admin/classifier')).json().routing;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
  agent = await t.as('agent');
  for (const q of await queues()) id[q.name] = q.id;
});
afterAll(() => t.close());

describe('creating a queue', () => {
  it('adds it, audited, and refuses a name already taken or a bad one', async () => {
    const res = await admin.request('POST', '/api/queues', { name: 'Returns', description: 'Parcels sent back, refunds for returned goods.' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Returns', active: true });
    id.Returns = res.json().id;
    expect((await queues()).map((q) => q.name)).toContain('Returns');
    expect((await admin.request('POST', '/api/queues', { name: 'Returns' })).statusCode).toBe(409);
    expect((await admin.request('POST', '/api/queues', { name: '<script>' })).statusCode).toBe(400);
    expect((await agent.request('POST', '/api/queues', { name: 'Agents only' })).statusCode).toBe(403);
    const audit = (await admin.request('GET', `/api/admin/audit?action=queue.created&target_id=${id.Returns}`)).json();
    expect(audit.items).toHaveLength(1);
  });

  it('can be routed to', async () => {
    const table = await routing();
    table.billing.low = 'Returns';
    const res = await admin.request('PUT', '/api/admin/classifier/routing', table);
    expect(res.statusCode).toBe(200);
    const ticket = (await agent.request('POST', '/api/tickets', validTicketBody({ category: 'billing', priority: 'low' }))).json();
    expect(ticket.queue.name).toBe('Returns');
    table.billing.low = 'Nowhere';
    expect((await admin.request('PUT', '/api/admin/classifier/routing', table)).statusCode).toBe(400);
  });
});

describe('renaming a queue', () => {
  it('keeps its routes and the escalation rules that name it', async () => {
    const rule = await admin.request('POST', '/api/admin/escalation-rules', {
      name: 'Returns to the returns desk',
      position: 60,
      conditions: { type: 'keywords', words: ['return label'] },
      actions: [{ type: 'move_to_queue', queue: 'Returns' }, { type: 'assign_round_robin' }],
    });
    expect(rule.statusCode).toBe(201);
    const res = await admin.request('PATCH', `/api/queues/${id.Returns}`, { name: 'Returns & Exchanges' });
    expect(res.statusCode).toBe(200);
    expect((await routing()).billing.low).toBe('Returns & Exchanges');
    const after = (await admin.request('GET', `/api/admin/escalation-rules/${rule.json().id}`)).json();
    expect(after.actions[0]).toEqual({ type: 'move_to_queue', queue: 'Returns & Exchanges' });
    const ticket = (await agent.request('POST', '/api/tickets', validTicketBody({ category: 'billing', priority: 'low' }))).json();
    expect(ticket.queue.name).toBe('Returns & Exchanges');
    expect((await admin.request('PATCH', `/api/queues/${id.Returns}`, { name: 'Escalations' })).statusCode).toBe(409);
  });
});

describe('archiving a queue', () => {
  it('moves its tickets, routes and rules to the queue named, and takes no new tickets', async () => {
    const open = (await agent.request('GET', `/api/tickets?queue_id=${id.Returns}`)).json();
    expect(open.total).toBe(2);
    const res = await admin.request('POST', `/api/queues/${id.Returns}/archive`, { move_to: id['Billing & Payments'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ queue: { active: false }, moved_tickets: 2, moved_to: { name: 'Billing & Payments' } });
    expect((await agent.request('GET', `/api/tickets?queue_id=${id.Returns}`)).json().total).toBe(0);
    expect((await routing()).billing.low).toBe('Billing & Payments');
    const rules = (await admin.request('GET', '/api/admin/escalation-rules')).json().items;
    expect(rules.find((r: { name: string }) => r.name === 'Returns to the returns desk').actions[0].queue).toBe('Billing & Payments');
    const ticket = (await agent.request('POST', '/api/tickets', validTicketBody({ category: 'billing', priority: 'low' }))).json();
    expect(ticket.queue.name).toBe('Billing & Payments');
    expect((await agent.request('POST', '/api/tickets', validTicketBody({ queue_id: id.Returns }))).statusCode).toBe(409);
    expect((await agent.request('PATCH', `/api/tickets/${ticket.id}`, { queue_id: id.Returns })).statusCode).toBe(409);
    // The moves are in each ticket's history.
    const history = (await agent.request('GET', `/api/tickets/${open.items[0].id}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'queue_changed', comment: 'queue Returns & Exchanges archived' });
  });

  it('refuses the default queue, the queue itself or an archived target, and archiving twice', async () => {
    expect((await admin.request('POST', `/api/queues/${id['General Support']}/archive`, { move_to: id['Technical Issues'] })).statusCode).toBe(409);
    expect((await admin.request('POST', `/api/queues/${id.Escalations}/archive`, { move_to: id.Escalations })).statusCode).toBe(400);
    expect((await admin.request('POST', `/api/queues/${id.Escalations}/archive`, { move_to: id.Returns })).statusCode).toBe(400);
    expect((await admin.request('POST', `/api/queues/${id.Returns}/archive`, { move_to: id['Technical Issues'] })).statusCode).toBe(409);
    expect((await admin.request('POST', '/api/queues/00000000-0000-4000-8000-000000000000/archive', { move_to: id['Technical Issues'] })).statusCode).toBe(404);
  });

  it('can be undone with restore', async () => {
    const res = await admin.request('POST', `/api/queues/${id.Returns}/restore`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Returns & Exchanges', active: true });
    expect((await admin.request('POST', `/api/queues/${id.Returns}/restore`)).statusCode).toBe(409);
  });
});
