import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smtpClient } from '../../testing/mail-client';
import { SmtpSink } from '../../testing/smtp-sink';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { customers } from '../customers';
import { ticketMessages, tickets } from '../tickets';
import { inboundEmails, outbox } from './email.table';

let t: TestApp;
let sink: SmtpSink;
let agent: Caller;
let mail: ReturnType<typeof smtpClient>;

beforeAll(async () => {
  sink = await SmtpSink.start();
  t = await createTestApp({
    config: { CLARA_SMTP_URL: sink.url, CLARA_SMTP_LISTEN_PORT: 0, CLARA_SMTP_LISTEN_HOST: '127.0.0.1', CLARA_EMAIL_MAX_ATTACHMENT_BYTES: 50_000 },
  });
  await t.ctx.email.start();
  mail = smtpClient(t.ctx.email.listenerPort!);
  agent = await t.as('agent');
});
afterAll(async () => {
  mail.close();
  await t.ctx.email.stop();
  await t.close();
  await sink.close();
});
beforeEach(() => sink.clear());

const runJobs = () => t.ctx.jobs.runDue();

async function ticketsOf(email: string) {
  return t.ctx.db
    .select({ ticket: tickets })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .where(eq(customers.email, email))
    .orderBy(tickets.number)
    .then((rows) => rows.map((r) => r.ticket));
}
const messagesOf = (ticketId: string) => t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(ticketMessages.seq);
const outboxOf = (ticketId: string) => t.ctx.db.select().from(outbox).where(eq(outbox.ticketId, ticketId)).orderBy(outbox.createdAt);

async function newTicketByMail(from: string, subject: string, text = 'My account is locked since this morning.') {
  const sent = await mail.send({ from, subject, text });
  await runJobs();
  const [ticket] = await ticketsOf(from);
  return { ticket: ticket!, messageId: sent.messageId };
}

describe('a new email', () => {
  it('becomes an email ticket for the sender and gets a threaded acknowledgment', async () => {
    const sent = await mail.send({ from: '"Eve Example" <eve@example.com>', subject: 'Cannot log in', text: 'My account is locked since this morning.' });
    const [stored] = await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.messageId, sent.messageId));
    expect(stored).toMatchObject({ status: 'received', source: 'smtp' });

    await runJobs();
    const [ticket] = await ticketsOf('eve@example.com');
    expect(ticket).toMatchObject({ channel: 'email', subject: 'Cannot log in', description: 'My account is locked since this morning.' });
    const [customer] = await t.ctx.db.select().from(customers).where(eq(customers.email, 'eve@example.com'));
    expect(customer!.name).toBe('Eve Example');
    expect((await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.messageId, sent.messageId)))[0]).toMatchObject({
      status: 'processed',
      outcome: 'ticket_created',
      ticketId: ticket!.id,
    });

    expect(sink.messages).toHaveLength(1);
    const ack = sink.messages[0]!.parsed;
    expect(sink.messages[0]!.to).toEqual(['eve@example.com']);
    expect(ack.subject).toBe(`[#${ticket!.number}] We got your request: Cannot log in`);
    expect(ack.inReplyTo).toBe(sent.messageId);
    expect(ack.headers.get('auto-submitted')).toBe('auto-replied');
  });

  it('is refused by the listener when it is not for our address', async () => {
    await expect(mail.sendRaw('Subject: x\r\n\r\nhi\r\n', { from: 'a@example.com', to: 'someone-else@clara.local' })).rejects.toThrow(/550/);
  });
});

describe('threading', () => {
  it("puts the customer's reply to an agent's reply on the same ticket, without the quoted history", async () => {
    const { ticket } = await newTicketByMail('frank@example.com', 'Invoice is wrong');
    await agent.request('POST', `/api/tickets/${ticket.id}/messages`, { body: 'Which invoice number is it?', internal: false });
    await runJobs();
    const agentMail = sink.messages.find((m) => m.parsed.text?.includes('Which invoice number'))!.parsed;

    await mail.send({
      from: 'frank@example.com',
      subject: `Re: ${agentMail.subject}`,
      inReplyTo: agentMail.messageId,
      references: [agentMail.messageId!],
      text: 'It is INV-2024-118.\n\nFrank\n-- \nFrank Example, ACME\n\nOn Mon, 2 Mar 2026 at 09:00, Clara Support <support@clara.local> wrote:\n> Which invoice number is it?\n',
    });
    await runJobs();
    expect(await ticketsOf('frank@example.com')).toHaveLength(1);
    const messages = await messagesOf(ticket.id);
    expect(messages.map((m) => [m.authorType, m.body])).toEqual([
      ['customer', 'My account is locked since this morning.'],
      ['agent', 'Which invoice number is it?'],
      ['customer', 'It is INV-2024-118.\n\nFrank'],
    ]);
  });

  it('reopens a resolved ticket when the customer writes again', async () => {
    const { ticket, messageId } = await newTicketByMail('gina@example.com', 'Export is empty');
    expect((await agent.request('PATCH', `/api/tickets/${ticket.id}`, { status: 'resolved' })).statusCode).toBe(200);
    await mail.send({ from: 'gina@example.com', subject: 'Re: Export is empty', inReplyTo: messageId, text: 'Still empty, sorry.' });
    await runJobs();
    expect((await ticketsOf('gina@example.com'))[0]!.status).toBe('open');
  });

  it('falls back to the [#number] subject tag, but only for the ticket’s own customer', async () => {
    const { ticket } = await newTicketByMail('hank@example.com', 'VPN drops');
    await mail.send({ from: 'hank@example.com', subject: `Re: [#${ticket.number}] VPN drops`, text: 'It dropped again at 10:15.' });
    await mail.send({ from: 'mallory@example.com', subject: `Re: [#${ticket.number}] VPN drops`, text: 'Let me in.' });
    await runJobs();
    expect((await messagesOf(ticket.id)).map((m) => m.body)).toEqual(['My account is locked since this morning.', 'It dropped again at 10:15.']);
    expect(await ticketsOf('mallory@example.com')).toHaveLength(1);
  });

  it('makes one message of the same mail delivered twice', async () => {
    const raw = 'From: ivy@example.com\r\nTo: support@clara.local\r\nSubject: Twice\r\nMessage-ID: <twice-1@example.com>\r\n\r\nSent twice by a retrying server.\r\n';
    await mail.sendRaw(raw, { from: 'ivy@example.com' });
    await mail.sendRaw(raw, { from: 'ivy@example.com' });
    await runJobs();
    await mail.sendRaw(raw, { from: 'ivy@example.com' });
    await runJobs();
    const all = await ticketsOf('ivy@example.com');
    expect(all).toHaveLength(1);
    expect(await messagesOf(all[0]!.id)).toHaveLength(1);
    expect(await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.messageId, '<twice-1@example.com>'))).toHaveLength(1);
  });
});

describe('loop and bounce protection', () => {
  it('never auto-replies to an auto-reply, a bulk mail or a list', async () => {
    await mail.send({ from: 'ooo@example.com', subject: 'Out of office', text: 'I am away.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await mail.send({ from: 'news@example.com', subject: 'Our newsletter', text: 'News.', headers: { Precedence: 'bulk' } });
    await mail.send({ from: 'list@example.com', subject: 'Digest', text: 'Digest.', headers: { Precedence: 'list' } });
    await runJobs();
    for (const from of ['ooo@example.com', 'news@example.com', 'list@example.com']) {
      const [ticket] = await ticketsOf(from);
      expect(ticket).toBeDefined();
      expect(await outboxOf(ticket!.id)).toEqual([]);
    }
    expect(sink.messages).toEqual([]);
  });

  it('ignores an out-of-office answer to our acknowledgment instead of reopening the thread', async () => {
    const { ticket } = await newTicketByMail('jack@example.com', 'Password reset mail missing');
    const [ack] = await outboxOf(ticket.id);
    await mail.send({ from: 'jack@example.com', subject: 'Automatic reply', inReplyTo: ack!.messageId, text: 'I am on holiday.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await runJobs();
    expect(await messagesOf(ticket.id)).toHaveLength(1);
    expect(await outboxOf(ticket.id)).toHaveLength(1);
  });

  it('ignores mail from our own address and from mailer-daemon', async () => {
    await mail.send({ from: 'support@clara.local', subject: 'Loop', text: 'me to me' });
    await mail.send({ from: 'MAILER-DAEMON@mx.example.com', subject: 'Warning', text: 'Delayed.' });
    await runJobs();
    const rows = await t.ctx.db.select().from(inboundEmails).where(inArray(inboundEmails.fromAddress, ['support@clara.local', 'mailer-daemon@mx.example.com']));
    expect(rows.map((r) => [r.status, r.outcome]).sort()).toEqual([
      ['ignored', 'bounce_unmatched'],
      ['ignored', 'own_address'],
    ]);
    expect(await ticketsOf('support@clara.local')).toEqual([]);
  });

  it('records a delivery failure report on the email it is about', async () => {
    const { ticket } = await newTicketByMail('kate@example.com', 'Wrong address');
    const [ack] = await outboxOf(ticket.id);
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
    await mail.sendRaw(report, { from: '' });
    await runJobs();
    const [bounced] = await outboxOf(ticket.id);
    expect(bounced!.bouncedAt).not.toBeNull();
    expect(bounced!.bounce).toMatchObject({ status: '5.1.1', action: 'failed', recipient: 'kate@example.com' });
    expect(await messagesOf(ticket.id)).toHaveLength(1);
  });
});

describe('content', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

  it('stores attachments with the sniffed type, skips oversized ones, lists and serves them', async () => {
    await mail.send({
      from: 'liam@example.com',
      subject: 'Screenshot of the error',
      text: 'See attached.',
      attachments: [
        { filename: 'screen.png', content: png, contentType: 'application/octet-stream' },
        { filename: 'log.txt', content: 'line 1\nline 2\n', contentType: 'text/plain' },
        { filename: 'huge.bin', content: Buffer.alloc(60_000, 1), contentType: 'application/octet-stream' },
      ],
    });
    await runJobs();
    const [ticket] = await ticketsOf('liam@example.com');
    const list = await agent.request('GET', `/api/tickets/${ticket!.id}/attachments`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; filename: string; content_type: string; size: number; message_id: string }[];
    expect(items.map((a) => [a.filename, a.content_type, a.size])).toEqual([
      ['log.txt', 'text/plain', 14],
      ['screen.png', 'image/png', png.length],
    ]);
    const [message] = await messagesOf(ticket!.id);
    expect(items.every((a) => a.message_id === message!.id)).toBe(true);
    expect(message!.metadata.skipped_attachments).toEqual([{ filename: 'huge.bin', size: 60_000, reason: 'too_large' }]);

    const file = await agent.request('GET', `/api/attachments/${items[1]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.equals(png)).toBe(true);
    expect((await agent.request('GET', '/api/attachments/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await t.anonymous().request('GET', `/api/attachments/${items[1]!.id}`)).statusCode).toBe(401);
  });

  it('sanitizes HTML mail and keeps its text', async () => {
    await mail.send({ from: 'mia@example.com', subject: 'Formatted', html: '<p>Hello <b>team</b></p><script>alert(1)</script><img src=x onerror=alert(2)>' });
    await runJobs();
    const [ticket] = await ticketsOf('mia@example.com');
    const [message] = await messagesOf(ticket!.id);
    expect(message!.body).toContain('Hello team');
    const html = (message!.metadata.email as { html: string }).html;
    expect(html).toContain('<b>team</b>');
    expect(html).not.toMatch(/script|onerror/);
  });
});
