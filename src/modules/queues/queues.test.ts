import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let admin: Caller;
let agent: Caller;
let billingId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  agent = await t.as('agent');
  const queues = (await admin.request('GET', '/api/queues')).json().items as { id: string; name: string }[];
  billingId = queues.find((q) => q.name === 'Billing & Payments')!.id;
});
afterAll(() => t.close());

const classify = async (text: string) => (await agent.request('POST', '/api/classify', { subject: '', description: text })).json();

describe('queue descriptions', () => {
  it('lets an admin describe a queue, audited with the old and new text', async () => {
    const res = await admin.request('PATCH', `/api/queues/${billingId}`, { description: 'Refunds, Klarna, vouchers and Trail Points.' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: billingId, name: 'Billing & Payments', description: 'Refunds, Klarna, vouchers and Trail Points.' });
    const listed = (await agent.request('GET', '/api/queues')).json().items.find((q: { id: string }) => q.id === billingId);
    expect(listed.description).toBe('Refunds, Klarna, vouchers and Trail Points.');
    const audit = (await admin.request('GET', '/api/admin/audit?action=queue.updated')).json().items;
    expect(audit[0]).toMatchObject({ action: 'queue.updated', target_type: 'queue', target_id: billingId });
    expect(audit[0].details.changes.description.new).toBe('Refunds, Klarna, vouchers and Trail Points.');
    expect(audit[0].details.changes.description.old).toMatch(/Invoices/);
  });

  it('refuses other roles, unknown queues and bad bodies', async () => {
    expect((await agent.request('PATCH', `/api/queues/${billingId}`, { description: 'x' })).statusCode).toBe(403);
    const unknown = await admin.request('PATCH', '/api/queues/00000000-0000-4000-8000-000000000000', { description: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('QUEUE_NOT_FOUND');
    expect((await admin.request('PATCH', '/api/queues/not-a-uuid', { description: 'x' })).statusCode).toBe(400);
    expect((await admin.request('PATCH', `/api/queues/${billingId}`, { description: 42 })).statusCode).toBe(400);
    expect((await admin.request('PATCH', `/api/queues/${billingId}`, { description: 'ok', tier: 1 })).statusCode).toBe(400);
  });

  it('are read by the classifier as the team’s words for a category, at once after a change', async () => {
    const text = 'How do the stamps on my Pinecone card work?';
    const generalId = (await admin.request('GET', '/api/queues')).json().items.find((q: { name: string }) => q.name === 'General Support').id;
    await admin.request('PATCH', `/api/queues/${generalId}`, { description: 'Questions and how-tos.' });
    const before = await classify(text);
    expect(before.category).not.toBe('billing');
    await admin.request('PATCH', `/api/queues/${billingId}`, { description: 'Payments, refunds, the Pinecone card and its stamps.' });
    const after = await classify(text);
    expect(after.category).toBe('billing');
    expect(after.queue).toBe('Billing & Payments');
  });
});
