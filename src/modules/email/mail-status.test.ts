import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type TestApp } from '../../testing/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the outgoing-mail status on the System page', () => {
  it('warns a lead that mail is off and counts what waits for it', async () => {
    const lead = await t.as('lead');
    const res = await t.anonymous().request('POST', '/api/public/tickets', {
      subject: 'Where is my parcel?',
      description: 'I ordered last week and have heard nothing since.',
      email: 'waiting@example.com',
    });
    expect(res.statusCode).toBe(201);
    await t.settle();
    const status = (await lead.request('GET', '/api/admin/mail-status')).json();
    expect(status).toMatchObject({ sending: false, waiting: 1, dead: 0, links_base_url: 'http://localhost:3000' });
    expect(status.oldest_waiting_at).toEqual(expect.any(String));
    expect(status.warnings).toEqual([
      'Outgoing mail is off (CLARA_SMTP_URL is not set): customers get no acknowledgments or replies by email, and 1 email is waiting in the outbox.',
      'CLARA_PUBLIC_URL is not set: links in customer emails point to http://localhost:3000.',
    ]);
  });

  it('is for leads and admins only', async () => {
    const agent = await t.as('agent');
    expect((await agent.request('GET', '/api/admin/mail-status')).statusCode).toBe(403);
    expect((await t.anonymous().request('GET', '/api/admin/mail-status')).statusCode).toBe(401);
  });

  it('does not acknowledge an agent-filed ticket, so nothing more waits', async () => {
    const agent = await t.as('agent');
    await agent.request('POST', '/api/tickets', validTicketBody({ customer: { email: 'filed@example.com' } }));
    await t.settle();
    const admin = await t.asAdmin();
    expect((await admin.request('GET', '/api/admin/mail-status')).json().waiting).toBe(1);
  });
});
