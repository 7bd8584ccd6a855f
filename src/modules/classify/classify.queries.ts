import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { ticketHistory, tickets } from '../tickets';
import { classifierModels } from './classify.table';

export async function findActiveModel(db: Db) {
  const [row] = await db.select().from(classifierModels).where(eq(classifierModels.active, true)).limit(1);
  return row ?? null;
}

export async function findActiveModelId(db: Db): Promise<string | null> {
  const [row] = await db.select({ id: classifierModels.id }).from(classifierModels).where(eq(classifierModels.active, true)).limit(1);
  return row?.id ?? null;
}

export async function findRecentModels(db: Db, limit = 10) {
  return db
    .select({
      id: classifierModels.id,
      version: classifierModels.version,
      meta: classifierModels.meta,
      active: classifierModels.active,
      promoted: classifierModels.promoted,
      decision: classifierModels.decision,
      createdAt: classifierModels.createdAt,
    })
    .from(classifierModels)
    .orderBy(desc(classifierModels.createdAt))
    .limit(limit);
}

export async function insertModel(db: Db, values: typeof classifierModels.$inferInsert) {
  if (values.active) await db.update(classifierModels).set({ active: false }).where(eq(classifierModels.active, true));
  const [row] = await db.insert(classifierModels).values(values).returning({ id: classifierModels.id });
  return row!;
}

export interface CorrectedTicket {
  subject: string;
  description: string;
  category: string | null;
  priority: string | null;
  intent: string | null;
}

// Agents' corrections are the history rows where a person changed a label; the ticket's current
// value of each corrected head is the label to learn.
export async function findCorrectedTickets(db: Db): Promise<CorrectedTicket[]> {
  const corrected = db
    .selectDistinct({ ticketId: ticketHistory.ticketId, action: ticketHistory.action })
    .from(ticketHistory)
    .where(and(eq(ticketHistory.actorType, 'user'), inArray(ticketHistory.action, ['category_changed', 'priority_changed', 'intent_changed'])))
    .as('corrected');
  const rows = await db
    .select({
      subject: tickets.subject,
      description: tickets.description,
      category: sql<string | null>`max(case when ${corrected.action} = 'category_changed' then ${tickets.category} end)`,
      priority: sql<string | null>`max(case when ${corrected.action} = 'priority_changed' then ${tickets.priority} end)`,
      intent: sql<string | null>`max(case when ${corrected.action} = 'intent_changed' then ${tickets.intent} end)`,
    })
    .from(corrected)
    .innerJoin(tickets, eq(tickets.id, corrected.ticketId))
    .groupBy(tickets.id, tickets.subject, tickets.description);
  return rows;
}

/** How many tickets carry at least one label a person corrected (what `findCorrectedTickets` returns). */
export async function countCorrectedTickets(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${ticketHistory.ticketId})::int` })
    .from(ticketHistory)
    .where(and(eq(ticketHistory.actorType, 'user'), inArray(ticketHistory.action, ['category_changed', 'priority_changed', 'intent_changed'])));
  return Number(row?.n ?? 0);
}
