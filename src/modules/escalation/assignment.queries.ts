import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { tickets } from '../tickets';
import { users } from '../users';
import { queueAssignment, queueMembers, type AssignmentMode } from './escalation.table';

const OPEN_STATUSES = ['open', 'pending', 'escalated'] as const;

export async function findAssignmentMode(db: Db, queueId: string): Promise<AssignmentMode> {
  const [row] = await db.select().from(queueAssignment).where(eq(queueAssignment.queueId, queueId));
  return row?.mode ?? 'none';
}

/** The cache name of every queue's assignment mode (`findAssignmentModes`). */
export const ASSIGNMENT_MODES_CACHE = 'queue-assignment-modes';

/** Queue id → how it hands out tickets; queues without a row hand out none. */
export async function findAssignmentModes(db: Db): Promise<ReadonlyMap<string, AssignmentMode>> {
  const rows = await db.select({ queueId: queueAssignment.queueId, mode: queueAssignment.mode }).from(queueAssignment);
  return new Map(rows.map((r) => [r.queueId, r.mode]));
}

export async function setAssignmentMode(db: Db, queueId: string, mode: AssignmentMode, now: Date): Promise<void> {
  await db
    .insert(queueAssignment)
    .values({ queueId, mode, updatedAt: now })
    .onConflictDoUpdate({ target: queueAssignment.queueId, set: { mode, updatedAt: now } });
}

/** Active, assignable members, locked so two concurrent assignments take turns. */
export async function lockAssignableMembers(db: Db, queueId: string) {
  return db
    .select({ userId: queueMembers.userId, lastAssignedAt: queueMembers.lastAssignedAt, createdAt: queueMembers.createdAt })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .where(and(eq(queueMembers.queueId, queueId), eq(users.active, true), ne(users.role, 'viewer')))
    .orderBy(asc(queueMembers.createdAt), asc(queueMembers.userId))
    .for('update', { of: queueMembers });
}

export async function openTicketCounts(db: Db, userIds: string[]): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: tickets.assigneeId, n: count() })
    .from(tickets)
    .where(and(inArray(tickets.assigneeId, userIds), inArray(tickets.status, [...OPEN_STATUSES])))
    .groupBy(tickets.assigneeId);
  return new Map(rows.map((r) => [r.userId!, Number(r.n)]));
}

export async function stampAssigned(db: Db, queueId: string, userId: string, now: Date): Promise<void> {
  await db.update(queueMembers).set({ lastAssignedAt: now }).where(and(eq(queueMembers.queueId, queueId), eq(queueMembers.userId, userId)));
}

export async function findMembers(db: Db, queueId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      active: users.active,
      lastAssignedAt: queueMembers.lastAssignedAt,
      openTickets: sql<number>`(select count(*)::int from tickets t where t.assignee_id = ${users.id} and t.status in ('open', 'pending', 'escalated'))`,
    })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .where(eq(queueMembers.queueId, queueId))
    .orderBy(asc(users.name));
}

export async function findActiveMemberIds(db: Db, queueId: string): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .where(and(eq(queueMembers.queueId, queueId), eq(users.active, true)));
  return rows.map((r) => r.id);
}

export async function addMember(db: Db, queueId: string, userId: string, now: Date): Promise<void> {
  await db.insert(queueMembers).values({ queueId, userId, createdAt: now }).onConflictDoNothing();
}

export async function removeMember(db: Db, queueId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(queueMembers)
    .where(and(eq(queueMembers.queueId, queueId), eq(queueMembers.userId, userId)))
    .returning({ id: queueMembers.userId });
  return rows.length > 0;
}

export async function replaceMembers(db: Db, queueId: string, userIds: string[], now: Date): Promise<void> {
  const keep = new Set(userIds);
  const current = await db.select({ userId: queueMembers.userId }).from(queueMembers).where(eq(queueMembers.queueId, queueId));
  const gone = current.map((c) => c.userId).filter((id) => !keep.has(id));
  if (gone.length > 0) await db.delete(queueMembers).where(and(eq(queueMembers.queueId, queueId), inArray(queueMembers.userId, gone)));
  for (const userId of userIds) await addMember(db, queueId, userId, now);
}

/** Per queue, how many active members can be given tickets (not viewers, not deactivated). */
export async function assignableMemberCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ queueId: queueMembers.queueId, n: count() })
    .from(queueMembers)
    .innerJoin(users, eq(users.id, queueMembers.userId))
    .where(and(eq(users.active, true), ne(users.role, 'viewer')))
    .groupBy(queueMembers.queueId);
  return new Map(rows.map((r) => [r.queueId, Number(r.n)]));
}
