import { and, desc, eq, inArray } from 'drizzle-orm';
import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { ticketHistory, ticketMessages, tickets } from '../tickets';
import { users } from '../users';
import { notifyUsers } from './notifications.service';

async function lastAssignment(db: Db, ticketId: string) {
  const [row] = await db
    .select({ actorId: ticketHistory.actorId, assignee: ticketHistory.newValue, number: tickets.number, subject: tickets.subject })
    .from(ticketHistory)
    .innerJoin(tickets, eq(tickets.id, ticketHistory.ticketId))
    .where(and(eq(ticketHistory.ticketId, ticketId), eq(ticketHistory.action, 'assigned')))
    .orderBy(desc(ticketHistory.id))
    .limit(1);
  return row ?? null;
}

// "@someone@example.com" in a staff message mentions that colleague.
const MENTION = /(?:^|\s)@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/g;

async function mentionedUsers(db: Db, body: string): Promise<string[]> {
  const emails = [...body.matchAll(MENTION)].map((m) => m[1]!.toLowerCase().replace(/\.$/, ''));
  if (emails.length === 0) return [];
  const rows = await db.select({ id: users.id }).from(users).where(inArray(users.email, emails));
  return rows.map((r) => r.id);
}

// People hear about what staff did by hand; automation writes its own notifications in its transaction.
export function subscribeNotifications(ctx: CoreContext): void {
  ctx.events.on('ticket.updated', async ({ ticketId, changes, actorType }) => {
    if (actorType === 'automation' || !changes.includes('assigned')) return;
    const row = await lastAssignment(ctx.db, ticketId);
    const assignee = typeof row?.assignee === 'string' ? row.assignee : null;
    if (!row || !assignee || assignee === row.actorId) return;
    await notifyUsers(ctx.db, [assignee], { type: 'assignment', ticketId, title: `Ticket #${row.number} was assigned to you`, body: row.subject }, ctx.clock.now());
  });

  ctx.events.on('ticket.message_added', async ({ ticketId, messageId, authorType }) => {
    if (authorType !== 'agent') return;
    const [m] = await ctx.db
      .select({ body: ticketMessages.body, author: ticketMessages.authorUserId, number: tickets.number })
      .from(ticketMessages)
      .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
      .where(eq(ticketMessages.id, messageId));
    if (!m) return;
    const mentioned = (await mentionedUsers(ctx.db, m.body)).filter((id) => id !== m.author);
    await notifyUsers(ctx.db, mentioned, { type: 'mention', ticketId, title: `You were mentioned on ticket #${m.number}`, body: m.body.slice(0, 200), data: { message_id: messageId } }, ctx.clock.now());
  });
}
