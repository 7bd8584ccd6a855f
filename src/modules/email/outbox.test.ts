import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SmtpSink } from '../../testing/smtp-sink';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { EmailRuntime } from './email-runtime';
import { outbox } from './email.table';
import { enqueueNotificationEmail } from './notification-mail.service';
import { deliverOutboxEmail, enqueueEmail, resumePendingOutbox, SEND_JOB } from './outbox.service';
import { jobs } from '../../core/jobs.table';

let t: TestApp;
let sink: SmtpSink;
let agent: Caller;
let admin: Caller;

beforeAll(async () => {
  sink = await SmtpSink.start();
  t = await createTestApp({ config: { CLARA_SMTP_URL: sink.url, CLARA_EMAIL_MAX_ATTEMPTS: 3, CLARA_EMAIL_RETRY_MS: 60_000 } });
  agent = await t.as('agent');
  admin = await t.asAdmin();
});
afterAll(async () => {
  await t.close();
  await sink.close();
});
beforeEach(() => {
  sink.clear();
  sink.mode = 'accept';
  sink.delayMs = 0;
});

async function emailTicket(email = 'dana@example.com') {
  const res = await agent.request('POST', '/api/tickets', validTicketBody({ channel: 'email', customer: { email, name: 'Dana' } }));
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; number: number };
}

async function reply(ticketId: string, body: string, internal = false) {
  const res = await agent.request('POST', `/api/tickets/${ticketId}/messages`, { body, internal });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string };
}

const rowsFor = (ticketId: string) => t.ctx.db.select().from(outbox).where(eq(outbox.ticketId, ticketId));
const runJobs = () => t.ctx.jobs.runDue();

describe('agent replies on email tickets', () => {
  it('emails a public reply to the customer with our Message-ID and the [#number] tag', async () => {
    const ticket = await emailTicket();
    const message = await reply(ticket.id, 'Please restart the printer and tell us what the display says.');
    await runJobs();
    const [row] = await rowsFor(ticket.id);
    expect(row).toMatchObject({ status: 'sent', kind: 'reply', ticketMessageId: message.id, attempts: 1 });
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!.parsed;
    expect(sink.messages[0]!.to).toEqual(['dana@example.com']);
    expect(mail.messageId).toBe(row!.messageId);
    expect(row!.messageId).toMatch(/^<[\w-]+@clara\.local>$/);
    expect(mail.subject).toBe(`Re: [#${ticket.number}] Printer on floor 2 is broken`);
    expect(mail.text).toContain('Please restart the printer');
    expect(mail.html).toContain('Please restart the printer');
    expect(mail.headers.get('auto-submitted')).toBe('no');
  });

  it('does not email internal notes', async () => {
    const ticket = await emailTicket();
    await reply(ticket.id, 'Note for the team only', true);
    await runJobs();
    expect(await rowsFor(ticket.id)).toEqual([]);
    expect(sink.messages).toEqual([]);
  });

  // Customers of every channel hear back by email (customer-mail.test.ts has the web form's mail).
  it('emails a public reply on a ticket an agent filed from another channel', async () => {
    const web = (await agent.request('POST', '/api/tickets', validTicketBody())).json() as { id: string };
    await reply(web.id, 'A reply shown on the web portal');
    await runJobs();
    expect((await rowsFor(web.id)).map((r) => r.kind)).toEqual(['reply']);
    expect(sink.messages.map((m) => m.parsed.text)).toEqual([expect.stringContaining('A reply shown on the web portal')]);
  });

  it('HTML-escapes what the agent wrote in the HTML body', async () => {
    const ticket = await emailTicket();
    await reply(ticket.id, 'Try <script>alert(1)</script> & see');
    await runJobs();
    expect(sink.messages[0]!.parsed.html).toContain('Try &lt;script&gt;alert(1)&lt;/script&gt; &amp; see');
  });
});

describe('the outbox', () => {
  it('keeps nothing when the transaction that queued an email rolls back', async () => {
    const before = (await t.ctx.db.select().from(outbox)).length;
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await enqueueEmail(t.ctx, tx, { to: 'x@example.com', subject: 'Never', text: 'never sent' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await runJobs();
    expect((await t.ctx.db.select().from(outbox)).length).toBe(before);
    expect(sink.messages).toEqual([]);
  });

  it('queues a repeated dedupe key once: no second row and no second send job', async () => {
    const key = `once:${Date.now()}`;
    const sendJobs = async () =>
      (await t.ctx.db.select().from(jobs).where(eq(jobs.name, SEND_JOB))).filter((j) => j.status === 'pending').length;
    const pendingBefore = await sendJobs();
    const first = await t.ctx.db.transaction((tx) => enqueueEmail(t.ctx, tx, { to: 'once@example.com', subject: 'Once', text: 'once', dedupeKey: key }));
    const again = await t.ctx.db.transaction((tx) => enqueueEmail(t.ctx, tx, { to: 'once@example.com', subject: 'Once', text: 'once', dedupeKey: key }));
    expect(first).toMatchObject({ toAddress: 'once@example.com', status: 'pending' });
    expect(again).toBeNull();
    expect(await sendJobs()).toBe(pendingBefore + 1);
    await runJobs();
    expect(sink.messages.filter((m) => m.to.includes('once@example.com'))).toHaveLength(1);
  });

  it('retries with backoff while the SMTP server refuses, and sends once it accepts', async () => {
    sink.mode = 'refuse';
    const ticket = await emailTicket();
    await reply(ticket.id, 'Your refund is on its way.');
    await runJobs();
    let [row] = await rowsFor(ticket.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row!.lastError).toMatch(/421|not available/i);
    expect(row!.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(60_000);

    t.clock.advance(30_000);
    await runJobs();
    expect((await rowsFor(ticket.id))[0]!.attempts).toBe(1);

    t.clock.advance(30_000);
    await runJobs();
    [row] = await rowsFor(ticket.id);
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    expect(row!.nextAttemptAt.getTime() - t.clock.now().getTime()).toBe(120_000);

    sink.mode = 'accept';
    t.clock.advance(120_000);
    await runJobs();
    expect((await rowsFor(ticket.id))[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect(sink.messages).toHaveLength(1);
  });

  it('dead-letters after the last attempt, shows it to admins, and sends it again on retry', async () => {
    sink.mode = 'tempfail';
    const ticket = await emailTicket();
    await reply(ticket.id, 'We fixed the invoice.');
    for (let i = 0; i < 3; i += 1) {
      await runJobs();
      t.clock.advance(10 * 60_000);
    }
    const [row] = await rowsFor(ticket.id);
    expect(row).toMatchObject({ status: 'dead', attempts: 3 });
    expect(sink.messages).toEqual([]);

    const dead = await admin.request('GET', '/api/admin/outbox?status=dead');
    expect(dead.statusCode).toBe(200);
    expect(dead.json().items.map((i: { id: string }) => i.id)).toContain(row!.id);
    expect((await agent.request('GET', '/api/admin/outbox?status=dead')).statusCode).toBe(403);

    sink.mode = 'accept';
    const retried = await admin.request('POST', `/api/admin/outbox/${row!.id}/retry`);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    await runJobs();
    expect((await rowsFor(ticket.id))[0]).toMatchObject({ status: 'sent' });
    expect(sink.messages).toHaveLength(1);
  });

  it('dead-letters at once when the server answers with a permanent 550', async () => {
    sink.mode = 'reject';
    const ticket = await emailTicket('nobody@example.com');
    await reply(ticket.id, 'Hello?');
    await runJobs();
    const [row] = await rowsFor(ticket.id);
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row!.lastError).toMatch(/550|No such user/);
  });

  it('sends a row once when two workers go for it at the same time', async () => {
    sink.delayMs = 300;
    const ticket = await emailTicket();
    await reply(ticket.id, 'Only once, please.');
    const [row] = await rowsFor(ticket.id);
    const second = { ...t.ctx, email: new EmailRuntime(t.ctx) };
    const outcomes = await Promise.all([deliverOutboxEmail(t.ctx, row!.id), deliverOutboxEmail(second, row!.id)]);
    expect(outcomes.sort()).toEqual(['sent', 'skipped']);
    await runJobs();
    expect(sink.messages).toHaveLength(1);
    expect((await rowsFor(ticket.id))[0]).toMatchObject({ status: 'sent', attempts: 1 });
    second.email.mailer?.close();
  });

  it('sends again a row that a crashed worker left "sending", once its lock is stale', async () => {
    const ticket = await emailTicket();
    await reply(ticket.id, 'Sent after a crash.');
    const [row] = await rowsFor(ticket.id);
    // What a worker that died in the middle of the SMTP exchange leaves behind.
    await t.ctx.db.update(outbox).set({ status: 'sending', lockedAt: t.clock.now(), lockedBy: 'dead-worker', attempts: 1 }).where(eq(outbox.id, row!.id));
    await runJobs();
    await resumePendingOutbox(t.ctx);
    await runJobs();
    expect(sink.messages).toEqual([]);

    t.clock.advance(11 * 60_000);
    await resumePendingOutbox(t.ctx);
    await runJobs();
    expect(sink.messages).toHaveLength(1);
    expect((await rowsFor(ticket.id))[0]).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('lets other modules send a notification with an attachment (a meeting invitation)', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
    await t.ctx.db.transaction(async (tx) => {
      await enqueueNotificationEmail(t.ctx, tx, {
        to: 'guest@example.com',
        subject: 'Invitation: onboarding call',
        body: 'You are invited.',
        kind: 'invitation',
        attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: ics }],
      });
    });
    await runJobs();
    const mail = sink.messages[0]!.parsed;
    expect(mail.subject).toBe('Invitation: onboarding call');
    expect(mail.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['invite.ics', ics]]);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });
});
