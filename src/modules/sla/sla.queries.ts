import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { slas, type SlaRow } from '../queues';
import { ticketColumns, tickets, type Priority, type TicketRow } from '../tickets';
import { businessCalendars, slaCalendars, slaEvents, type BusinessCalendarRow, type SlaMark, type SlaTarget } from './sla.table';

export interface SlaWithCalendar {
  sla: SlaRow;
  calendar: BusinessCalendarRow | null;
}

export async function findActiveSlaWithCalendar(db: Db, priority: Priority): Promise<SlaWithCalendar | null> {
  const [row] = await db
    .select({ sla: slas, calendar: businessCalendars })
    .from(slas)
    .leftJoin(slaCalendars, eq(slaCalendars.slaId, slas.id))
    .leftJoin(businessCalendars, eq(businessCalendars.id, slaCalendars.calendarId))
    .where(and(eq(slas.priority, priority), eq(slas.active, true)));
  return row ? { sla: row.sla, calendar: row.calendar?.id ? row.calendar : null } : null;
}

export async function findSlasWithCalendars(db: Db): Promise<SlaWithCalendar[]> {
  const rows = await db
    .select({ sla: slas, calendar: businessCalendars })
    .from(slas)
    .leftJoin(slaCalendars, eq(slaCalendars.slaId, slas.id))
    .leftJoin(businessCalendars, eq(businessCalendars.id, slaCalendars.calendarId))
    .orderBy(sql`case ${slas.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`);
  return rows.map((r) => ({ sla: r.sla, calendar: r.calendar?.id ? r.calendar : null }));
}

export async function findSlaById(db: Db, id: string): Promise<SlaRow | null> {
  const [row] = await db.select().from(slas).where(eq(slas.id, id));
  return row ?? null;
}

export async function insertSla(db: Db, values: typeof slas.$inferInsert): Promise<SlaRow | null> {
  const [row] = await db.insert(slas).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateSlaRow(db: Db, id: string, values: Partial<typeof slas.$inferInsert>): Promise<void> {
  await db.update(slas).set(values).where(eq(slas.id, id));
}

export async function deleteSlaRow(db: Db, id: string): Promise<void> {
  await db.delete(slas).where(eq(slas.id, id));
}

export async function setSlaCalendar(db: Db, slaId: string, calendarId: string | null): Promise<void> {
  await db.delete(slaCalendars).where(eq(slaCalendars.slaId, slaId));
  if (calendarId) await db.insert(slaCalendars).values({ slaId, calendarId });
}

export async function findCalendars(db: Db): Promise<BusinessCalendarRow[]> {
  return db.select().from(businessCalendars).orderBy(asc(businessCalendars.name));
}

export async function findCalendarById(db: Db, id: string): Promise<BusinessCalendarRow | null> {
  const [row] = await db.select().from(businessCalendars).where(eq(businessCalendars.id, id));
  return row ?? null;
}

export async function insertCalendar(db: Db, values: typeof businessCalendars.$inferInsert): Promise<BusinessCalendarRow | null> {
  const [row] = await db.insert(businessCalendars).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateCalendarRow(db: Db, id: string, values: Partial<typeof businessCalendars.$inferInsert>) {
  const [row] = await db.update(businessCalendars).set(values).where(eq(businessCalendars.id, id)).returning();
  return row ?? null;
}

export async function calendarInUse(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: slaCalendars.slaId }).from(slaCalendars).where(eq(slaCalendars.calendarId, id)).limit(1);
  return rows.length > 0;
}

export async function deleteCalendarRow(db: Db, id: string): Promise<void> {
  await db.delete(businessCalendars).where(eq(businessCalendars.id, id));
}

// SKIP LOCKED: a second job worker takes other tickets instead of waiting for these.
export async function lockTicketsDueForCheck(db: Db, now: Date, limit: number): Promise<TicketRow[]> {
  return db
    .select(ticketColumns)
    .from(tickets)
    .where(and(lte(tickets.slaNextCheckAt, now), isNull(tickets.slaPausedAt)))
    .orderBy(asc(tickets.slaNextCheckAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

/** True only for the one caller that records this mark first. */
export async function recordSlaEvent(db: Db, ticketId: string, target: SlaTarget, mark: SlaMark, dueAt: Date | null, now: Date) {
  const rows = await db.insert(slaEvents).values({ ticketId, target, mark, dueAt, createdAt: now }).onConflictDoNothing().returning({ id: slaEvents.id });
  return rows.length > 0;
}
