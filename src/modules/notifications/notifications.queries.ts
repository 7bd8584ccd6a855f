import { and, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../core/db';
import type { Role } from '../../core/rbac';
import { users } from '../users';
import { notifications, type NotificationRow, type NotificationType } from './notifications.table';

export async function insertNotifications(db: Db, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

export async function findActiveUserIds(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: users.id }).from(users).where(and(inArray(users.id, ids), eq(users.active, true)));
  return rows.map((r) => r.id);
}

export async function findActiveUserIdsByRole(db: Db, roles: Role[]): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(and(inArray(users.role, roles), eq(users.active, true)));
  return rows.map((r) => r.id);
}

export async function findNotificationsForUser(
  db: Db,
  userId: string,
  opts: { unreadOnly: boolean; limit: number; before?: { createdAt: Date; id: string } },
): Promise<NotificationRow[]> {
  const where: SQL[] = [eq(notifications.userId, userId)];
  if (opts.unreadOnly) where.push(isNull(notifications.readAt));
  if (opts.before) {
    const b = opts.before;
    where.push(or(lt(notifications.createdAt, b.createdAt), and(eq(notifications.createdAt, b.createdAt), lt(notifications.id, b.id)))!);
  }
  return db.select().from(notifications).where(and(...where)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(opts.limit);
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

export async function markRead(db: Db, userId: string, id: string, at: Date): Promise<NotificationRow | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning();
  if (row) return row;
  const [existing] = await db.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return existing ?? null;
}

export async function markAllRead(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export interface QueuedNotificationEmail {
  id: string;
  type: NotificationType;
  ticketId: string | null;
  ticketNumber: number | null;
  title: string;
  body: string;
  email: string;
  active: boolean;
}

// Locks the oldest queued rows so two processes never mail the same notification.
export async function claimQueuedNotificationEmails(tx: Db, limit: number): Promise<QueuedNotificationEmail[]> {
  return queryRows<QueuedNotificationEmail>(
    tx,
    sql`select n.id, n.type, n.ticket_id as "ticketId", t.number as "ticketNumber", n.title, n.body, u.email, u.active
        from notifications n
        join users u on u.id = n.user_id
        left join tickets t on t.id = n.ticket_id
        where n.email_state = 'queued'
        order by n.created_at, n.id
        limit ${limit}
        for update of n skip locked`,
  );
}

export async function setEmailState(tx: Db, ids: string[], state: 'sent' | 'skipped'): Promise<void> {
  if (ids.length > 0) await tx.update(notifications).set({ emailState: state }).where(inArray(notifications.id, ids));
}
