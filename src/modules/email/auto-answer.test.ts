import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEmailTestApp, type EmailTestApp } from '../../testing/email-test-app';
import { DEMO_KB_DIR, importArticles, readDrafts } from '../kb';
import { tickets } from '../tickets';

let e: EmailTestApp;

beforeAll(async () => {
  e = await createEmailTestApp();
  await importArticles(e.t.ctx, await readDrafts(DEMO_KB_DIR));
});
afterAll(() => e.close());

it('answers a covered question by email with citations instead of an acknowledgment, and a reply reopens the ticket', async () => {
  const sent = await e.mail.send({
    from: 'nora@example.com',
    subject: 'Two-factor authentication',
    text: 'How do I regenerate my recovery codes for two-factor authentication?',
  });
  await e.runJobs();
  const [ticket] = await e.ticketsOf('nora@example.com');
  expect(ticket).toMatchObject({ channel: 'email', status: 'resolved' });
  expect(ticket!.metadata.classification).toBeDefined();
  expect((await e.outboxOf(ticket!.id)).map((r) => [r.kind, r.status])).toEqual([['auto_answer', 'sent']]);

  expect(e.sink.messages).toHaveLength(1);
  const answer = e.sink.messages[0]!.parsed;
  expect(answer.subject).toBe(`Re: [#${ticket!.number}] Two-factor authentication`);
  expect(answer.inReplyTo).toBe(sent.messageId);
  expect(answer.text).toMatch(/recovery code/i);
  expect(answer.text).toContain('Sources:');

  await e.mail.send({ from: 'nora@example.com', subject: `Re: ${answer.subject}`, inReplyTo: answer.messageId, text: 'That did not help, the page shows an error.' });
  await e.runJobs();
  const [after] = await e.t.ctx.db.select().from(tickets).where(eq(tickets.id, ticket!.id));
  expect(after!.status).toBe('open');
});
