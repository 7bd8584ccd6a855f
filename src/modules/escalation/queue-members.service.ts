import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { auditChange, type AuditBy } from '../audit';
import { findQueueById } from '../queues';
import { addMember, ASSIGNMENT_MODES_CACHE, findAssignmentMode, findMembers, removeMember, replaceMembers, setAssignmentMode } from './assignment.queries';
import { findUsersByIds } from './escalation.queries';
import type { SetMembersBody } from './escalation.schema';

async function requireQueue(ctx: Pick<CoreContext, 'db'>, id: string) {
  if (!(await findQueueById(ctx.db, id))) throw new AppError('QUEUE_NOT_FOUND');
}

// Members must be staff who can work tickets; a deactivated member stays listed but gets nothing.
async function requireAssignable(ctx: CoreContext, userIds: string[]) {
  const found = await findUsersByIds(ctx.db, [...new Set(userIds)]);
  const bad = [...new Set(userIds)].filter((id) => !found.some((u) => u.id === id && u.role !== 'viewer'));
  if (bad.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Queue members must be existing agents, leads or admins.', bad.map((id) => ({ field: 'body.user_ids', message: `${id} cannot work tickets` })));
  }
}

export async function getQueueMembers(ctx: Pick<CoreContext, 'db'>, queueId: string) {
  await requireQueue(ctx, queueId);
  const members = await findMembers(ctx.db, queueId);
  return {
    queue_id: queueId,
    assignment: await findAssignmentMode(ctx.db, queueId),
    members: members.map((m) => ({
      user_id: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      active: m.active,
      open_tickets: Number(m.openTickets),
      last_assigned_at: m.lastAssignedAt?.toISOString() ?? null,
    })),
  };
}

// The audited state of a queue's membership: how it hands out tickets and who is in it.
async function membership(db: Db, queueId: string) {
  const view = await getQueueMembers({ db }, queueId);
  return { assignment: view.assignment, user_ids: view.members.map((m) => m.user_id).sort() };
}

async function changeMembers(ctx: CoreContext, by: AuditBy, queueId: string, write: (tx: Db) => Promise<void>) {
  await ctx.db.transaction(async (tx) => {
    const before = await membership(tx, queueId);
    await write(tx);
    await auditChange(ctx, tx, by, { action: 'queue.members_changed', targetType: 'queue', targetId: queueId, before, after: await membership(tx, queueId) });
  });
  return getQueueMembers(ctx, queueId);
}

export async function setQueueMembers(ctx: CoreContext, by: AuditBy, queueId: string, body: SetMembersBody) {
  await requireQueue(ctx, queueId);
  if (body.user_ids) await requireAssignable(ctx, body.user_ids);
  const now = ctx.clock.now();
  return changeMembers(ctx, by, queueId, async (tx) => {
    if (body.user_ids) await replaceMembers(tx, queueId, [...new Set(body.user_ids)], now);
    if (body.assignment) {
      await setAssignmentMode(tx, queueId, body.assignment, now);
      await ctx.cache.changedIn(tx, ASSIGNMENT_MODES_CACHE);
    }
  });
}

export async function addQueueMember(ctx: CoreContext, by: AuditBy, queueId: string, userId: string) {
  await requireQueue(ctx, queueId);
  await requireAssignable(ctx, [userId]);
  return changeMembers(ctx, by, queueId, (tx) => addMember(tx, queueId, userId, ctx.clock.now()).then(() => undefined));
}

export async function removeQueueMember(ctx: CoreContext, by: AuditBy, queueId: string, userId: string) {
  await requireQueue(ctx, queueId);
  return changeMembers(ctx, by, queueId, async (tx) => {
    if (!(await removeMember(tx, queueId, userId))) throw new AppError('NOT_FOUND', 'This user is not a member of the queue.');
  });
}
