import { z } from 'zod';
import type { CoreContext } from '../../core/context';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { countUnread, findActiveUserIds, findNotificationsForUser, insertNotifications, markAllRead, markRead } from './notifications.queries';
import type { ListNotificationsQuery } from './notifications.schema';
import type { NotificationRow, NotificationType } from './notifications.table';

export interface NewNotification {
  type: NotificationType;
  ticketId: string | null;
  title: string;
  body?: string;
  data?: Record<string, unknown>;
}

/** Writes one notification per distinct, active recipient, in the caller's transaction. */
export async function notifyUsers(db: Db, userIds: (string | null | undefined)[], note: NewNotification, now: Date): Promise<string[]> {
  const wanted = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  const recipients = await findActiveUserIds(db, wanted);
  await insertNotifications(
    db,
    recipients.map((userId) => ({ userId, type: note.type, ticketId: note.ticketId, title: note.title, body: note.body ?? '', data: note.data ?? {}, createdAt: now })),
  );
  return recipients;
}

function toNotification(n: NotificationRow) {
  return {
    id: n.id,
    type: n.type,
    ticket_id: n.ticketId,
    title: n.title,
    body: n.body,
    data: n.data,
    read_at: n.readAt?.toISOString() ?? null,
    created_at: n.createdAt.toISOString(),
  };
}

function userIdOf(actor: Actor): string {
  if (actor.type !== 'user') throw new AppError('FORBIDDEN');
  return actor.id;
}

const Cursor = z.object({ at: z.string().datetime(), id: z.string().uuid() });

export async function listNotifications(ctx: CoreContext, actor: Actor, q: ListNotificationsQuery) {
  const userId = userIdOf(actor);
  const before = q.cursor ? decodeCursor(q.cursor, Cursor) : undefined;
  const rows = await findNotificationsForUser(ctx.db, userId, {
    unreadOnly: q.unread === 'true',
    limit: q.limit + 1,
    before: before ? { createdAt: new Date(before.at), id: before.id } : undefined,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toNotification),
    unread_count: await countUnread(ctx.db, userId),
    next_cursor: rows.length > q.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

export async function readNotification(ctx: CoreContext, actor: Actor, id: string) {
  const row = await markRead(ctx.db, userIdOf(actor), id, ctx.clock.now());
  if (!row) throw new AppError('NOT_FOUND', 'Notification not found.');
  return toNotification(row);
}

export async function readAllNotifications(ctx: CoreContext, actor: Actor) {
  return { updated: await markAllRead(ctx.db, userIdOf(actor), ctx.clock.now()) };
}
