import { eq } from 'drizzle-orm';
import type { Config } from '../core/config';
import { customers } from '../modules/customers';
import { outbox } from '../modules/email';
import { ticketMessages, tickets } from '../modules/tickets';
import { smtpClient } from './mail-client';
import { SmtpSink } from './smtp-sink';
import { createTestApp, type TestApp } from './test-app';

export interface EmailTestApp {
  t: TestApp;
  /** Where Clara's outgoing mail lands. */
  sink: SmtpSink;
  /** Delivers mail into Clara's SMTP listener. */
  mail: ReturnType<typeof smtpClient>;
  runJobs(): Promise<number>;
  ticketsOf(customerEmail: string): Promise<(typeof tickets.$inferSelect)[]>;
  messagesOf(ticketId: string): Promise<(typeof ticketMessages.$inferSelect)[]>;
  outboxOf(ticketId: string): Promise<(typeof outbox.$inferSelect)[]>;
  close(): Promise<void>;
}

// A test app with the email channel wired to real servers on loopback: an SMTP sink for outbound
// mail and Clara's own SMTP listener (on a free port) for inbound mail.
export async function createEmailTestApp(config: Partial<Config> = {}): Promise<EmailTestApp> {
  const sink = await SmtpSink.start();
  const t = await createTestApp({ config: { CLARA_SMTP_URL: sink.url, CLARA_SMTP_LISTEN_PORT: 0, CLARA_SMTP_LISTEN_HOST: '127.0.0.1', ...config } });
  await t.ctx.email.start();
  const mail = smtpClient(t.ctx.email.listenerPort!);
  return {
    t,
    sink,
    mail,
    runJobs: () => t.ctx.jobs.runDue(),
    ticketsOf: (email) =>
      t.ctx.db
        .select({ ticket: tickets })
        .from(tickets)
        .innerJoin(customers, eq(customers.id, tickets.customerId))
        .where(eq(customers.email, email))
        .orderBy(tickets.number)
        .then((rows) => rows.map((r) => r.ticket)),
    messagesOf: (ticketId) => t.ctx.db.select().from(ticketMessages).where(eq(ticketMessages.ticketId, ticketId)).orderBy(ticketMessages.seq),
    outboxOf: (ticketId) => t.ctx.db.select().from(outbox).where(eq(outbox.ticketId, ticketId)).orderBy(outbox.createdAt),
    close: async () => {
      mail.close();
      await t.ctx.email.stop();
      await t.close();
      await sink.close();
    },
  };
}
