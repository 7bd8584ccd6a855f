import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';

// The Escalations queue ships without members while default rules send tickets there: the team
// is told, instead of escalated tickets waiting unassigned.

let t: TestApp;
let admin: Caller;
let lead: Caller;
const queueId: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
  lead = await t.as('lead');
  for (const q of (await admin.request('GET', '/api/queues')).json().items) queueId[q.name] = q.id;
});
afterAll(() => t.close());

const warnings = async () => {
  const res = await lead.request('GET', '/api/admin/queues/warnings');
  expect(res.statusCode).toBe(200);
  return res.json().items as { queue: string; queue_id: string; routes: string[]; rules: string[] }[];
};

describe('queues that receive tickets but have nobody to give them to', () => {
  it('warns about every routed or rule-fed queue without members on a fresh install, naming what sends tickets there', async () => {
    const items = await warnings();
    expect(items.map((w) => w.queue).sort()).toEqual(['Billing & Payments', 'Escalations', 'General Support', 'Technical Issues']);
    const escalations = items.find((w) => w.queue === 'Escalations')!;
    expect(escalations.queue_id).toBe(queueId.Escalations);
    expect(escalations.rules).toContain('Customer asks for a person');
    expect(escalations.routes).toEqual([]);
    expect(items.find((w) => w.queue === 'Technical Issues')!.routes).toEqual(['technical/urgent', 'technical/high', 'technical/normal', 'technical/low']);
  });

  it('stops warning once the queue has an active member who can work tickets, and not for a viewer', async () => {
    const viewer = await t.as('viewer');
    const agent = await t.as('agent');
    // A viewer cannot be a member; a deactivated agent does not count.
    expect((await admin.request('PUT', `/api/admin/queues/${queueId.Escalations}/members`, { user_ids: [viewer.userId] })).statusCode).toBe(400);
    expect((await admin.request('PUT', `/api/admin/queues/${queueId.Escalations}/members`, { user_ids: [agent.userId] })).statusCode).toBe(200);
    expect((await warnings()).map((w) => w.queue)).not.toContain('Escalations');
    expect((await admin.request('PATCH', `/api/admin/users/${agent.userId}`, { active: false })).statusCode).toBe(200);
    expect((await warnings()).map((w) => w.queue)).toContain('Escalations');
  });

  it('is for leads and admins', async () => {
    const agent = await t.as('agent');
    expect((await agent.request('GET', '/api/admin/queues/warnings')).statusCode).toBe(403);
  });
});
