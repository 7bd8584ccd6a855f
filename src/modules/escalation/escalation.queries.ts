import { and, asc, desc, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { compiledSelect } from '../../core/compiled-select';
import type { Db } from '../../core/db';
import { customers } from '../customers';
import { queues, type QueueRow } from '../queues';
import { messageColumns, ticketColumns, ticketMessages, tickets, type TicketMessageRow, type TicketRow } from '../tickets';
import { users, type UserRow } from '../users';
import { escalationRules, ticketEscalations, type EscalationRuleRow } from './escalation.table';

/** The cache name of the enabled rules (`findRules(db, { enabledOnly: true })`), dropped when any rule changes. */
export const ESCALATION_RULES = 'escalation-rules';

export async function findRules(db: Db, opts: { enabledOnly: boolean }): Promise<EscalationRuleRow[]> {
  return db
    .select()
    .from(escalationRules)
    .where(opts.enabledOnly ? eq(escalationRules.enabled, true) : undefined)
    .orderBy(asc(escalationRules.position), asc(escalationRules.name));
}

export async function findRuleById(db: Db, id: string): Promise<EscalationRuleRow | null> {
  const [row] = await db.select().from(escalationRules).where(eq(escalationRules.id, id));
  return row ?? null;
}

export async function findRuleByName(db: Db, name: string): Promise<EscalationRuleRow | null> {
  const [row] = await db.select().from(escalationRules).where(eq(escalationRules.name, name));
  return row ?? null;
}

export async function insertRules(db: Db, rows: (typeof escalationRules.$inferInsert)[]): Promise<EscalationRuleRow[]> {
  if (rows.length === 0) return [];
  return db.insert(escalationRules).values(rows).onConflictDoNothing().returning();
}

export async function updateRuleRow(db: Db, id: string, values: Partial<typeof escalationRules.$inferInsert>) {
  const [row] = await db.update(escalationRules).set(values).where(eq(escalationRules.id, id)).returning();
  return row ?? null;
}

export async function deleteRuleRow(db: Db, id: string): Promise<void> {
  await db.delete(escalationRules).where(eq(escalationRules.id, id));
}

export interface RuleSubject {
  ticket: TicketRow;
  vip: boolean;
  /** The message the rules read: `messageId`'s, else the customer's latest (null when there is none). */
  message: TicketMessageRow | null;
}

// The rules read a ticket, its customer's VIP flag and a message in one statement, built once for each of
// the two ways of choosing the message (`compiledSelect`).
function ruleSubjectSelect(b: Pick<Db, 'select'>, messageWhere: SQL, ticketId: Placeholder) {
  const message = b
    .select(messageColumns)
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, tickets.id), messageWhere))
    .orderBy(desc(ticketMessages.seq))
    .limit(1)
    .as('message');
  const messageFields = Object.fromEntries(Object.keys(messageColumns).map((k) => [k, message[k as keyof typeof messageColumns]])) as unknown as typeof messageColumns;
  return b
    .select({ ticket: ticketColumns, vip: customers.vip, message: messageFields })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .leftJoinLateral(message, sql`true`)
    .where(eq(tickets.id, ticketId));
}
const ruleSubjectWithMessage = compiledSelect((b, param: (name: 'ticket' | 'message') => Placeholder) =>
  ruleSubjectSelect(b, eq(ticketMessages.id, param('message')), param('ticket')),
);
const ruleSubjectWithLatest = compiledSelect((b, param: (name: 'ticket') => Placeholder) =>
  ruleSubjectSelect(b, eq(ticketMessages.authorType, 'customer'), param('ticket')),
);

/** A ticket with what its rules read about it, in one statement. */
export async function findRuleSubject(db: Db, ticketId: string, messageId: string | null): Promise<RuleSubject | null> {
  const [row] = messageId ? await ruleSubjectWithMessage(db, { ticket: ticketId, message: messageId }) : await ruleSubjectWithLatest(db, { ticket: ticketId });
  return row ?? null;
}

export async function setMessageMetadata(db: Db, id: string, patch: Record<string, unknown>): Promise<void> {
  await db
    .update(ticketMessages)
    .set({ metadata: sql`${ticketMessages.metadata} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(ticketMessages.id, id));
}

/** True only for the first caller recording this ticket, rule and cause. */
export async function recordEscalation(db: Db, values: typeof ticketEscalations.$inferInsert): Promise<boolean> {
  const rows = await db.insert(ticketEscalations).values(values).onConflictDoNothing().returning({ id: ticketEscalations.id });
  return rows.length > 0;
}

export async function findQueueByNameOrId(db: Db, ref: string): Promise<QueueRow | null> {
  const byId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref);
  const [row] = await db.select().from(queues).where(byId ? eq(queues.id, ref) : eq(queues.name, ref));
  return row ?? null;
}

export async function findUsersByIds(db: Db, ids: string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(users).where(inArray(users.id, ids));
}
