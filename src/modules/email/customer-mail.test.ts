import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmailTestApp, type EmailTestApp } from '../../testing/email-test-app';
import type { Caller } from '../../testing/test-app';
import { createTicket, tickets } from '../tickets';

let e: EmailTestApp;
let agent: Caller;

beforeAll(async () => {
  e = await createEmailTestApp({ CLARA_PUBLIC_URL: 'https://help.example.com' });
  agent = await e.t.as('agent');
});
afterAll(() => e.close());
beforeEach(() => e.sink.messages.splice(0));

async function webTicket(email: string, subject = 'Invoice shows the wrong company name') {
  const res = await e.t.anonymous().request('POST', '/api/public/tickets', {
    subject,
    description: 'Our invoice for November is addressed to our old company name. Please correct it.',
    email,
    name: 'Ines Web',
  });
  expect(res.statusCode).toBe(201);
  await e.t.settle();
  const created = res.json() as { number: number; token: string };
  const [row] = await e.t.ctx.db.select().from(tickets).where(eq(tickets.number, created.number));
  return { ...created, id: row!.id };
}

const sentTo = (address: string) => e.sink.messages.filter((m) => m.to.includes(address)).map((m) => m.parsed);
const statusToken = (text: string) => /https:\/\/help\.example\.com\/support\/status\/([\w-]+)/.exec(text)?.[1];

describe('customer email for tickets from the web form', () => {
  it('acknowledges with the ticket number and a status link that opens the ticket', async () => {
    const ticket = await webTicket('ines@example.com');
    await e.runJobs();
    const [ack] = sentTo('ines@example.com');
    expect(ack!.subject).toBe(`[#${ticket.number}] We got your request: Invoice shows the wrong company name`);
    const token = statusToken(ack!.text ?? '');
    expect(token).toBeDefined();
    expect(token).not.toBe(ticket.token);
    expect(ack!.html).toContain(`https://help.example.com/support/status/${token}`);
    const page = await e.t.anonymous().request('GET', `/api/public/tickets/${token}`);
    expect(page.json()).toMatchObject({ number: ticket.number, subject: 'Invoice shows the wrong company name' });
  });

  it('mails every public reply with a working status link, and no internal note', async () => {
    const ticket = await webTicket('pia@example.com');
    await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'Internal: check the billing profile first.', internal: true });
    const reply = await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'We corrected the name; the new invoice is attached to your account.' });
    expect(reply.statusCode).toBe(201);
    await e.runJobs();
    const mails = sentTo('pia@example.com');
    expect(mails.map((m) => m.subject)).toEqual([
      `[#${ticket.number}] We got your request: Invoice shows the wrong company name`,
      `Re: [#${ticket.number}] Invoice shows the wrong company name`,
    ]);
    expect(mails[1]!.text).toContain('We corrected the name');
    expect(mails.map((m) => m.text).join('\n')).not.toContain('Internal: check the billing profile');
    const page = await e.t.anonymous().request('GET', `/api/public/tickets/${statusToken(mails[1]!.text ?? '')}`);
    expect(page.json().messages.map((m: { body: string }) => m.body)).toContain('We corrected the name; the new invoice is attached to your account.');
  });

  it('sends a resolution notice when an agent resolves the ticket', async () => {
    const ticket = await webTicket('rea@example.com');
    await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'resolved' });
    await e.runJobs();
    const notice = sentTo('rea@example.com').at(-1)!;
    expect(notice.subject).toBe(`Re: [#${ticket.number}] Invoice shows the wrong company name`);
    expect(notice.text).toMatch(/marked your request #\d+ .* as resolved/);
    expect((await e.outboxOf(ticket.id)).map((r) => r.kind)).toEqual(['acknowledgment', 'resolution']);
  });

  it('threads the customer’s email reply onto the web ticket and reopens it', async () => {
    const ticket = await webTicket('uma@example.com');
    await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'resolved' });
    await e.runJobs();
    const notice = sentTo('uma@example.com').at(-1)!;
    await e.mail.send({ from: 'uma@example.com', subject: `Re: ${notice.subject}`, inReplyTo: notice.messageId, text: 'The PDF still shows the old name.' });
    await e.runJobs();
    expect(await e.ticketsOf('uma@example.com')).toHaveLength(1);
    const [after] = await e.t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(after!.status).toBe('open');
    expect((await e.messagesOf(ticket.id)).map((m) => m.body)).toContain('The PDF still shows the old name.');
  });
});

describe('when Clara stays quiet', () => {
  it('does not acknowledge a ticket an agent files for a customer', async () => {
    const res = await agent.request('POST', '/api/tickets', {
      subject: 'Phoned in: cannot log in',
      description: 'Customer called, locked out after a password change.',
      channel: 'web',
      customer: { email: 'phoned@example.com' },
    });
    expect(res.statusCode).toBe(201);
    await e.runJobs();
    expect(sentTo('phoned@example.com')).toEqual([]);
    // The agent's reply still reaches the customer.
    await agent.request('POST', `/api/tickets/${res.json().id}/messages`, { body: 'You are unlocked now.' });
    await e.runJobs();
    expect(sentTo('phoned@example.com').map((m) => m.text)).toEqual([expect.stringContaining('You are unlocked now.')]);
  });

  it('mails nobody for a caller without an address', async () => {
    const ticket = await createTicket(e.t.ctx, { type: 'system', id: null }, {
      subject: 'Voicemail',
      description: 'Please call me back about my order.',
      channel: 'voice',
      customer: { email: 'unknown-caller@voice.invalid', name: 'Unknown caller' },
    });
    await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'We called back.' });
    await e.runJobs();
    expect(await e.outboxOf(ticket.id)).toEqual([]);
  });
});
