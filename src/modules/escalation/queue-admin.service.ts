import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { getSetting, setSetting } from '../../core/settings';
import { auditChange, type AuditBy } from '../audit';
import { ROUTING_SETTING, type RoutingTable } from '../classify';
import { DEFAULT_QUEUE, QUEUES_CACHE, queues, queueView, type QueueRow } from '../queues';
import { applyTicketChange, ticketColumns, tickets, type TicketsContext } from '../tickets';
import { escalationRules } from './escalation.table';
import { ESCALATION_RULES } from './escalation.queries';
import type { Action } from './rules.schema';

// A team's queues: create, rename, archive (its tickets, routes and rules move to another queue)
// and restore. The routing table and escalation rules name queues, so a rename or an archive
// rewrites them in the same transaction: no rule or route is left pointing at nothing.

/** Queues (and, through renames and archives, rules) change in `tx`: every process rereads them. */
async function dropQueueCaches(ctx: TicketsContext, tx: Db): Promise<void> {
  await ctx.cache.changedIn(tx, QUEUES_CACHE);
  await ctx.cache.changedIn(tx, ESCALATION_RULES);
}

async function lockQueue(tx: Db, id: string): Promise<QueueRow> {
  const [row] = await tx.select().from(queues).where(eq(queues.id, id)).for('update');
  if (!row) throw new AppError('QUEUE_NOT_FOUND');
  return row;
}

async function requireFreeName(tx: Db, name: string, except?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: queues.id })
    .from(queues)
    .where(except ? and(eq(queues.name, name), ne(queues.id, except)) : eq(queues.name, name));
  if (taken) throw new AppError('CONFLICT', `There is already a queue called "${name}".`);
}

/** Points every route and rule action naming `from` (by name or id) at `to`. Returns what changed. */
async function repointReferences(tx: Db, by: AuditBy, now: Date, from: QueueRow, to: { id: string; name: string }) {
  const matches = (ref: string | undefined) => ref !== undefined && (ref.toLowerCase() === from.name.toLowerCase() || ref === from.id);
  const routing = await getSetting<RoutingTable>(tx, ROUTING_SETTING);
  let routes = 0;
  if (routing) {
    const next = Object.fromEntries(
      Object.entries(routing).map(([category, byPriority]) => [
        category,
        Object.fromEntries(Object.entries(byPriority).map(([p, q]) => (matches(q) ? (routes++, [p, to.name]) : [p, q]))),
      ]),
    ) as RoutingTable;
    if (routes > 0) await setSetting(tx, ROUTING_SETTING, next, by.actor.id, now);
  }
  const rules = await tx.select().from(escalationRules);
  const changedRules: string[] = [];
  for (const rule of rules) {
    let changed = false;
    const actions = rule.actions.map((a): Action => {
      if ((a.type === 'move_to_queue' || a.type === 'assign_round_robin') && matches(a.queue)) {
        changed = true;
        return { ...a, queue: to.name };
      }
      return a;
    });
    if (!changed) continue;
    await tx.update(escalationRules).set({ actions, updatedAt: now }).where(eq(escalationRules.id, rule.id));
    changedRules.push(rule.name);
  }
  return { routes, rules: changedRules };
}

export async function createQueue(ctx: TicketsContext, by: AuditBy, body: { name: string; description?: string }) {
  const view = await ctx.db.transaction(async (tx) => {
    await dropQueueCaches(ctx, tx);
    await requireFreeName(tx, body.name);
    const [row] = await tx.insert(queues).values({ name: body.name, description: body.description ?? '', tier: 1, active: true }).returning();
    await auditChange(ctx, tx, by, { action: 'queue.created', targetType: 'queue', targetId: row!.id, after: { name: row!.name, description: row!.description } });
    return queueView(row!);
  });
  await ctx.events.emit('queue.changed', { queueId: view.id });
  return view;
}

/** Name and description; a new name follows into the routing table and the escalation rules. */
export async function editQueue(ctx: TicketsContext, by: AuditBy, id: string, body: { name?: string; description?: string }) {
  const now = ctx.clock.now();
  const view = await ctx.db.transaction(async (tx) => {
    await dropQueueCaches(ctx, tx);
    const before = await lockQueue(tx, id);
    const name = body.name ?? before.name;
    if (name !== before.name) await requireFreeName(tx, name, id);
    const [after] = await tx
      .update(queues)
      .set({ name, description: body.description ?? before.description })
      .where(eq(queues.id, id))
      .returning();
    const repointed = name !== before.name ? await repointReferences(tx, by, now, before, after!) : null;
    await auditChange(ctx, tx, by, {
      action: 'queue.updated',
      targetType: 'queue',
      targetId: id,
      before: { name: before.name, description: before.description },
      after: { name: after!.name, description: after!.description },
      details: repointed ? { routes_renamed: repointed.routes, rules_renamed: repointed.rules } : undefined,
    });
    return queueView(after!);
  });
  await ctx.events.emit('queue.changed', { queueId: id });
  return view;
}

/**
 * Archive a queue: its tickets (every status, so nothing stays behind in a queue nobody sees), its
 * routes and the rules naming it move to `moveTo`; the queue then takes no new tickets.
 */
export async function archiveQueue(ctx: TicketsContext, by: AuditBy, id: string, moveTo: string) {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction(async (tx) => {
    await dropQueueCaches(ctx, tx);
    const queue = await lockQueue(tx, id);
    if (!queue.active) throw new AppError('CONFLICT', `${queue.name} is already archived.`);
    if (queue.name === DEFAULT_QUEUE) throw new AppError('CONFLICT', `${DEFAULT_QUEUE} is where unsorted tickets go; it cannot be archived.`);
    if (moveTo === id) throw new AppError('VALIDATION_FAILED', 'Move the tickets to another queue.', [{ field: 'body.move_to', message: 'the queue being archived' }]);
    const [target] = await tx.select().from(queues).where(eq(queues.id, moveTo));
    if (!target || !target.active) {
      throw new AppError('VALIDATION_FAILED', 'Move the tickets to an active queue.', [{ field: 'body.move_to', message: 'no active queue with this id' }]);
    }
    const rows = await tx.select(ticketColumns).from(tickets).where(eq(tickets.queueId, id)).for('update');
    for (const row of rows) {
      await applyTicketChange(tx, ctx.sla, { actorType: 'user', actorId: by.actor.id }, row, { queueId: target.id }, { now, reason: `queue ${queue.name} archived` });
    }
    const repointed = await repointReferences(tx, by, now, queue, target);
    const [after] = await tx.update(queues).set({ active: false }).where(eq(queues.id, id)).returning();
    await auditChange(ctx, tx, by, {
      action: 'queue.archived',
      targetType: 'queue',
      targetId: id,
      before: { active: true },
      after: { active: false },
      details: { name: queue.name, moved_to: target.name, tickets_moved: rows.length, routes_moved: repointed.routes, rules_moved: repointed.rules },
    });
    return { queue: queueView(after!), moved_tickets: rows.length, moved_to: queueView(target) };
  });
  await ctx.events.emit('queue.changed', { queueId: id });
  return result;
}

export async function restoreQueue(ctx: TicketsContext, by: AuditBy, id: string) {
  const view = await ctx.db.transaction(async (tx) => {
    await dropQueueCaches(ctx, tx);
    const queue = await lockQueue(tx, id);
    if (queue.active) throw new AppError('CONFLICT', `${queue.name} is not archived.`);
    const [after] = await tx.update(queues).set({ active: true }).where(eq(queues.id, id)).returning();
    await auditChange(ctx, tx, by, { action: 'queue.restored', targetType: 'queue', targetId: id, before: { active: false }, after: { active: true } });
    return queueView(after!);
  });
  await ctx.events.emit('queue.changed', { queueId: id });
  return view;
}
