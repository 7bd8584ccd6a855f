import { eq } from 'drizzle-orm';
import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { getArticle, type KbContext } from '../kb';
import { getTicket, ticketMessages, type TicketsContext } from '../tickets';
import { deleteDraftRow, findDraft, upsertDraft } from './drafts.queries';
import type { DraftKind, DraftRow } from './drafts.table';

export type DraftsContext = TicketsContext & KbContext;

function userOf(actor: Actor): string {
  if (actor.type !== 'user' || !actor.id) throw new AppError('FORBIDDEN');
  return actor.id;
}

/** The target must exist: a ticket (by id or number), an article, or "new" for an article. */
async function targetId(ctx: DraftsContext, kind: DraftKind, ref: string): Promise<string> {
  if (kind === 'ticket') return (await getTicket(ctx, ref)).id;
  if (ref === 'new') return ref;
  return (await getArticle(ctx, ref)).id;
}

function view<T>(row: DraftRow | null) {
  return { draft: row ? { content: row.content as T, updated_at: row.updatedAt.toISOString() } : null };
}

export async function getDraft<T>(ctx: DraftsContext, actor: Actor, kind: DraftKind, ref: string) {
  return view<T>(await findDraft(ctx.db, userOf(actor), kind, await targetId(ctx, kind, ref)));
}

export async function saveDraft<T extends Record<string, unknown>>(ctx: DraftsContext, actor: Actor, kind: DraftKind, ref: string, content: T) {
  const row = await upsertDraft(ctx.db, { userId: userOf(actor), kind, targetId: await targetId(ctx, kind, ref), content, updatedAt: ctx.clock.now() });
  return view<T>(row);
}

export async function discardDraft(ctx: DraftsContext, actor: Actor, kind: DraftKind, ref: string): Promise<void> {
  await deleteDraftRow(ctx.db, userOf(actor), kind, await targetId(ctx, kind, ref));
}

// A reply or note the agent sent is no longer a draft, whichever device it was typed on.
export function subscribeDrafts(ctx: CoreContext): void {
  ctx.events.on('ticket.message_added', async ({ ticketId, messageId, authorType }) => {
    if (authorType !== 'agent') return;
    const [message] = await ctx.db.select({ userId: ticketMessages.authorUserId }).from(ticketMessages).where(eq(ticketMessages.id, messageId));
    if (message?.userId) await deleteDraftRow(ctx.db, message.userId, 'ticket', ticketId);
  });
}
