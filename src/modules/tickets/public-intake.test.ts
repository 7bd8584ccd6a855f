import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { hashToken } from '../../core/secrets';
import { tickets, ticketStatusLinks } from './tickets.table';

let t: TestApp;
let agent: Caller;
let visitor: Caller;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.as('agent');
  visitor = t.anonymous();
});
afterAll(() => t.close());

function intakeBody(overrides: Record<string, unknown> = {}) {
  return {
    subject: 'Cannot download my receipt',
    description: 'The receipt link in the confirmation mail shows an empty page.',
    email: 'walk-in@example.com',
    name: 'Walk In',
    ...overrides,
  };
}

async function openTicket(overrides: Record<string, unknown> = {}, caller: Caller = visitor) {
  const res = await caller.request('POST', '/api/public/tickets', intakeBody(overrides));
  expect(res.statusCode).toBe(201);
  return res.json() as { number: number; token: string; status: string; status_url: string };
}

async function staffView(number: number) {
  return (await agent.request('GET', `/api/tickets/${number}`)).json();
}

async function setStatus(number: number, status: string) {
  const res = await agent.request('PATCH', `/api/tickets/${number}`, { status });
  expect(res.statusCode).toBe(200);
}

describe('opening a ticket without an account', () => {
  it('answers 201 with the ticket number, a token and a status url', async () => {
    const res = await visitor.request('POST', '/api/public/tickets', intakeBody());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ number: expect.any(Number), status: 'open' });
    expect(body.token.length).toBeGreaterThanOrEqual(20);
    expect(body.status_url.endsWith(`/api/public/tickets/${body.token}`)).toBe(true);
  });

  it('creates a web ticket for the customer, visible to staff', async () => {
    const created = await openTicket({ email: 'Visible.Customer@Example.com', name: 'Vis Ible' });
    const ticket = await staffView(created.number);
    expect(ticket).toMatchObject({
      number: created.number,
      channel: 'web',
      status: 'open',
      subject: 'Cannot download my receipt',
      customer: { email: 'visible.customer@example.com', name: 'Vis Ible' },
    });
  });

  it('stores only a hash of the token', async () => {
    const created = await openTicket();
    const [row] = await t.ctx.db.select().from(tickets).where(eq(tickets.number, created.number));
    const links = await t.ctx.db.select().from(ticketStatusLinks).where(eq(ticketStatusLinks.ticketId, row!.id));
    expect(links.map((l) => l.tokenHash)).toContain(hashToken(created.token));
    expect(JSON.stringify([row, links])).not.toContain(created.token);
  });

  it('gives every ticket its own token', async () => {
    const a = await openTicket();
    const b = await openTicket();
    expect(a.token).not.toBe(b.token);
    expect((await visitor.request('GET', `/api/public/tickets/${b.token}`)).json().number).toBe(b.number);
  });

  it.each([
    ['a missing email', { email: undefined }, 'body.email'],
    ['a bad email', { email: 'walk-in' }, 'body.email'],
    ['a too short subject', { subject: 'Hey' }, 'body.subject'],
    ['a too short description', { description: 'help' }, 'body.description'],
    ['a channel the public form cannot use', { channel: 'email' }, 'body.channel'],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const res = await visitor.request('POST', '/api/public/tickets', intakeBody(overrides));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('following a ticket with its token', () => {
  it('shows the status and only the public messages, never internal notes', async () => {
    const created = await openTicket();
    const note = await agent.request('POST', `/api/tickets/${created.number}/messages`, { body: 'Internal: customer is on the legacy plan.', internal: true });
    expect(note.statusCode).toBe(201);
    const reply = await agent.request('POST', `/api/tickets/${created.number}/messages`, { body: 'We are looking into the receipt link.' });
    expect(reply.statusCode).toBe(201);
    await setStatus(created.number, 'pending');

    const res = await visitor.request('GET', `/api/public/tickets/${created.token}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ number: created.number, subject: 'Cannot download my receipt', status: 'pending' });
    expect(body.messages.map((m: { author_type: string; body: string }) => [m.author_type, m.body])).toEqual([
      ['customer', 'The receipt link in the confirmation mail shows an empty page.'],
      ['agent', 'We are looking into the receipt link.'],
    ]);
    expect(res.body).not.toContain('legacy plan');
  });

  it('does not reveal staff identities or internal ids in messages', async () => {
    const created = await openTicket();
    await agent.request('POST', `/api/tickets/${created.number}/messages`, { body: 'Hello from support.' });
    const body = (await visitor.request('GET', `/api/public/tickets/${created.token}`)).json();
    for (const m of body.messages) expect(Object.keys(m).sort()).toEqual(['attachments', 'author_name', 'author_type', 'body', 'created_at']);
    expect(body.messages.find((m: { author_type: string }) => m.author_type === 'agent').author_name).toBeNull();
    expect(body).not.toHaveProperty('id');
  });

  it('answers 404 TICKET_NOT_FOUND for an unknown token', async () => {
    const res = await visitor.request('GET', `/api/public/tickets/${'x'.repeat(32)}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TICKET_NOT_FOUND');
  });

  it('answers 400 for a token too short to be one', async () => {
    const res = await visitor.request('GET', '/api/public/tickets/short');
    expect(res.statusCode).toBe(400);
  });
});

describe('customer replies', () => {
  it('reopens a resolved ticket and writes a reopened history row', async () => {
    const created = await openTicket();
    await setStatus(created.number, 'resolved');
    const res = await visitor.request('POST', `/api/public/tickets/${created.token}/messages`, { body: 'The link is still empty.' });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('open');
    expect(res.json().messages.at(-1)).toMatchObject({ author_type: 'customer', body: 'The link is still empty.' });

    const ticket = await staffView(created.number);
    expect(ticket).toMatchObject({ status: 'open', resolved_at: null, metadata: { reopen_count: 1 } });
    const history = (await agent.request('GET', `/api/tickets/${created.number}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'reopened', actor_type: 'customer', actor_id: ticket.customer.id, old_value: 'resolved', new_value: 'open' });
  });

  it('moves a pending ticket back to open', async () => {
    const created = await openTicket();
    await setStatus(created.number, 'pending');
    const res = await visitor.request('POST', `/api/public/tickets/${created.token}/messages`, { body: 'Here is the screenshot you asked for.' });
    expect(res.json().status).toBe('open');
    const history = (await agent.request('GET', `/api/tickets/${created.number}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'status_changed', actor_type: 'customer', old_value: 'pending', new_value: 'open' });
  });

  it('refuses a reply to a closed ticket with 409 and adds no message', async () => {
    const created = await openTicket();
    await setStatus(created.number, 'closed');
    const res = await visitor.request('POST', `/api/public/tickets/${created.token}/messages`, { body: 'Anyone there?' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    const messages = (await agent.request('GET', `/api/tickets/${created.number}/messages`)).json().items;
    expect(messages).toHaveLength(1);
    expect((await staffView(created.number)).status).toBe('closed');
  });

  it('answers 404 for a reply with an unknown token', async () => {
    const res = await visitor.request('POST', `/api/public/tickets/${'y'.repeat(32)}/messages`, { body: 'Hello?' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('TICKET_NOT_FOUND');
  });

  it('refuses an empty reply with 400', async () => {
    const created = await openTicket();
    const res = await visitor.request('POST', `/api/public/tickets/${created.token}/messages`, { body: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('body.body');
  });
});

describe('rate limit on public intake', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({ config: { CLARA_PUBLIC_INTAKE_PER_MINUTE: 2 } });
  });
  afterAll(() => limited.close());

  const post = (ip: string) =>
    limited.app.inject({ method: 'POST', url: '/api/public/tickets', payload: intakeBody(), headers: { 'x-forwarded-for': ip } });

  it('refuses the third ticket within a minute with 429 in the one error shape, and creates only two', async () => {
    expect((await post('198.51.100.1')).statusCode).toBe(201);
    expect((await post('198.51.100.1')).statusCode).toBe(201);
    const res = await post('198.51.100.1');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.any(String), requestId: expect.any(String) } });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(await limited.ctx.db.select({ id: tickets.id }).from(tickets)).toHaveLength(2);
  });

  it('counts per client address', async () => {
    expect((await post('198.51.100.2')).statusCode).toBe(201);
    expect((await post('198.51.100.2')).statusCode).toBe(201);
    expect((await post('198.51.100.3')).statusCode).toBe(201);
  });
});
