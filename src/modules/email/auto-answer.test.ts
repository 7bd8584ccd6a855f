import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smtpClient } from '../../testing/mail-client';
import { SmtpSink } from '../../testing/smtp-sink';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { DEMO_KB_DIR, importArticles, readDrafts } from '../kb';
import { tickets } from '../tickets';
import { outbox } from './email.table';

let t: TestApp;
let sink: SmtpSink;
let mail: ReturnType<typeof smtpClient>;

beforeAll(async () => {
  sink = await SmtpSink.start();
  t = await createTestApp({ config: { CLARA_SMTP_URL: sink.url, CLARA_SMTP_LISTEN_PORT: 0, CLARA_SMTP_LISTEN_HOST: '127.0.0.1' } });
  await importArticles(t.ctx, await readDrafts(DEMO_KB_DIR));
  await t.ctx.email.start();
  mail = smtpClient(t.ctx.email.listenerPort!);
});
afterAll(async () => {
  mail.close();
  await t.ctx.email.stop();
  await t.close();
  await sink.close();
});

it('answers a covered question by email with citations instead of an acknowledgment, and a reply reopens the ticket', async () => {
  const sent = await mail.send({
    from: 'nora@example.com',
    subject: 'Two-factor authentication',
    text: 'How do I regenerate my recovery codes for two-factor authentication?',
  });
  await t.ctx.jobs.runDue();
  const [ticket] = await t.ctx.db.select().from(tickets).where(eq(tickets.channel, 'email'));
  expect(ticket).toMatchObject({ status: 'resolved', category: expect.any(String) });
  expect(ticket!.metadata.classification).toBeDefined();
  const rows = await t.ctx.db.select().from(outbox).where(eq(outbox.ticketId, ticket!.id));
  expect(rows.map((r) => [r.kind, r.status])).toEqual([['auto_answer', 'sent']]);

  expect(sink.messages).toHaveLength(1);
  const answer = sink.messages[0]!.parsed;
  expect(answer.subject).toBe(`Re: [#${ticket!.number}] Two-factor authentication`);
  expect(answer.inReplyTo).toBe(sent.messageId);
  expect(answer.text).toMatch(/recovery code/i);
  expect(answer.text).toContain('Sources:');

  await mail.send({ from: 'nora@example.com', subject: `Re: ${answer.subject}`, inReplyTo: answer.messageId, text: 'That did not help, the page shows an error.' });
  await t.ctx.jobs.runDue();
  const [after] = await t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket!.id));
  expect(after!.status).toBe('open');
});
