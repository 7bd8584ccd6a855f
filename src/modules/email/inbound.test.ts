import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmailTestApp, type EmailTestApp } from '../../testing/email-test-app';
import type { Caller, TestApp } from '../../testing/test-app';
import { customers } from '../customers';
import { inboundEmails } from './email.table';

let e: EmailTestApp;
let t: TestApp;
let agent: Caller;

beforeAll(async () => {
  e = await createEmailTestApp();
  t = e.t;
  agent = await t.as('agent');
});
afterAll(() => e.close());
beforeEach(() => e.sink.clear());

async function newTicketByMail(from: string, subject: string, text = 'My account is locked since this morning.') {
  const sent = await e.mail.send({ from, subject, text });
  await e.runJobs();
  const [ticket] = await e.ticketsOf(from);
  return { ticket: ticket!, messageId: sent.messageId };
}

describe('a new email', () => {
  it('becomes an email ticket for the sender and gets a threaded acknowledgment', async () => {
    const sent = await e.mail.send({ from: '"Eve Example" <eve@example.com>', subject: 'Cannot log in', text: 'My account is locked since this morning.' });
    const [stored] = await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.messageId, sent.messageId));
    expect(stored).toMatchObject({ status: 'received', source: 'smtp' });

    await e.runJobs();
    const [ticket] = await e.ticketsOf('eve@example.com');
    expect(ticket).toMatchObject({ channel: 'email', subject: 'Cannot log in', description: 'My account is locked since this morning.' });
    const [customer] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'eve@example.com'));
    expect(customer!.name).toBe('Eve Example');
    expect((await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.messageId, sent.messageId)))[0]).toMatchObject({
      status: 'processed',
      outcome: 'ticket_created',
      ticketId: ticket!.id,
    });

    expect(e.sink.messages).toHaveLength(1);
    const ack = e.sink.messages[0]!.parsed;
    expect(e.sink.messages[0]!.to).toEqual(['eve@example.com']);
    expect(ack.subject).toBe(`[#${ticket!.number}] We got your request: Cannot log in`);
    expect(ack.inReplyTo).toBe(sent.messageId);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
  });

  it('is refused by the listener when it is not for our address', async () => {
    await expect(e.mail.sendRaw('Subject: x\r\n\r\nhi\r\n', { from: 'a@example.com', to: 'someone-else@clara.local' })).rejects.toThrow(/550/);
  });
});

describe('threading', () => {
  it("puts the customer's reply to an agent's reply on the same ticket, without the quoted history", async () => {
    const { ticket } = await newTicketByMail('frank@example.com', 'Invoice is wrong');
    await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'Which invoice number is it?', internal: false });
    await e.runJobs();
    const agentMail = e.sink.messages.find((m) => m.parsed.text?.includes('Which invoice number'))!.parsed;

    await e.mail.send({
      from: 'frank@example.com',
      subject: `Re: ${agentMail.subject}`,
      inReplyTo: agentMail.messageId,
      references: [agentMail.messageId!],
      text: 'It is INV-2024-118.\n\nFrank\n-- \nFrank Example, ACME\n\nOn Mon, 2 Mar 2026 at 09:00, Clara Support <support@clara.local> wrote:\n> Which invoice number is it?\n',
    });
    await e.runJobs();
    expect(await e.ticketsOf('frank@example.com')).toHaveLength(1);
    const messages = await e.messagesOf(ticket.id);
    expect(messages.map((m) => [m.authorType, m.body])).toEqual([
      ['customer', 'My account is locked since this morning.'],
      ['agent', 'Which invoice number is it?'],
      ['customer', 'It is INV-2024-118.\n\nFrank'],
    ]);
  });

  it('reopens a resolved ticket when the customer writes again', async () => {
    const { ticket, messageId } = await newTicketByMail('gina@example.com', 'Export is empty');
    expect((await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'resolved' })).statusCode).toBe(200);
    await e.mail.send({ from: 'gina@example.com', subject: 'Re: Export is empty', inReplyTo: messageId, text: 'Still empty, sorry.' });
    await e.runJobs();
    expect((await e.ticketsOf('gina@example.com'))[0]!.status).toBe('open');
  });

  it('falls back to the [#number] subject tag, but only for the ticket’s own customer', async () => {
    const { ticket } = await newTicketByMail('hank@example.com', 'VPN drops');
    await e.mail.send({ from: 'hank@example.com', subject: `Re: [#${ticket.number}] VPN drops`, text: 'It dropped again at 10:15.' });
    await e.mail.send({ from: 'mallory@example.com', subject: `Re: [#${ticket.number}] VPN drops`, text: 'Let me in.' });
    await e.runJobs();
    expect((await e.messagesOf(ticket.id)).map((m) => m.body)).toEqual(['My account is locked since this morning.', 'It dropped again at 10:15.']);
    expect(await e.ticketsOf('mallory@example.com')).toHaveLength(1);
  });

  it('makes one message of the same mail delivered twice', async () => {
    const raw = 'From: ivy@example.com\r\nTo: support@clara.local\r\nSubject: Twice\r\nMessage-ID: <twice-1@example.com>\r\n\r\nSent twice by a retrying server.\r\n';
    await e.mail.sendRaw(raw, { from: 'ivy@example.com' });
    await e.mail.sendRaw(raw, { from: 'ivy@example.com' });
    await e.runJobs();
    await e.mail.sendRaw(raw, { from: 'ivy@example.com' });
    await e.runJobs();
    const all = await e.ticketsOf('ivy@example.com');
    expect(all).toHaveLength(1);
    expect(await e.messagesOf(all[0]!.id)).toHaveLength(1);
    expect(await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.messageId, '<twice-1@example.com>'))).toHaveLength(1);
  });
});

describe('loop and bounce protection', () => {
  it('never auto-replies to an auto-reply, a bulk mail or a list', async () => {
    await e.mail.send({ from: 'ooo@example.com', subject: 'Out of office', text: 'I am away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await e.mail.send({ from: 'news@example.com', subject: 'Our newsletter', text: 'News.', headers: { Precedence: 'bulk' } });
    await e.mail.send({ from: 'list@example.com', subject: 'Digest', text: 'Digest.', headers: { Precedence: 'list' } });
    await e.runJobs();
    for (const from of ['ooo@example.com', 'news@example.com', 'list@example.com']) {
      const [ticket] = await e.ticketsOf(from);
      expect(ticket).toBeDefined();
      expect(await e.outboxOf(ticket!.id)).toEqual([]);
    }
    expect(e.sink.messages).toEqual([]);
  });

  it('ignores an out-of-office answer to our acknowledgment instead of reopening the thread', async () => {
    const { ticket } = await newTicketByMail('jack@example.com', 'Password reset mail missing');
    const [ack] = await e.outboxOf(ticket.id);
    await e.mail.send({ from: 'jack@example.com', subject: 'Automatic reply', inReplyTo: ack!.messageId, text: 'I am on holiday.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await e.runJobs();
    expect(await e.messagesOf(ticket.id)).toHaveLength(1);
    expect(await e.outboxOf(ticket.id)).toHaveLength(1);
  });

  it('ignores mail from our own address and from mailer-daemon', async () => {
    await e.mail.send({ from: 'support@clara.local', subject: 'Loop', text: 'me to me' });
    await e.mail.send({ from: 'MAILER-DAEMON@mx.example.com', subject: 'Warning', text: 'Delayed.' });
    await e.runJobs();
    const rows = await t.ctx.db.select().from(inboundEmails).where(inArray(inboundEmails.fromAddress, ['support@clara.local', 'mailer-daemon@mx.example.com']));
    expect(rows.map((r) => [r.status, r.outcome]).sort()).toEqual([
      ['ignored', 'bounce_unmatched'],
      ['ignored', 'own_address'],
    ]);
    expect(await e.ticketsOf('support@clara.local')).toEqual([]);
  });

  it('records a delivery failure report on the email it is about', async () => {
    const { ticket } = await newTicketByMail('kate@example.com', 'Wrong address');
    const [ack] = await e.outboxOf(ticket.id);
    const report = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      'To: support@clara.local',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.example.com>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.com',
      '',
      'Final-Recipient: rfc822; kate@example.com',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
      '--b1',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${ack!.messageId}`,
      'Subject: We got your request',
      '--b1--',
      '',
    ].join('\r\n');
    await e.mail.sendRaw(report, { from: '' });
    await e.runJobs();
    const [bounced] = await e.outboxOf(ticket.id);
    expect(bounced!.bouncedAt).not.toBeNull();
    expect(bounced!.bounce).toMatchObject({ status: '5.1.1', action: 'failed', recipient: 'kate@example.com' });
    expect(await e.messagesOf(ticket.id)).toHaveLength(1);
  });
});
