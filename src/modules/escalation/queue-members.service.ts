import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { findQueueById } from '../queues';
import { addMember, findAssignmentMode, findMembers, removeMember, replaceMembers, setAssignmentMode } from './assignment.queries';
import { findUsersByIds } from './escalation.queries';
import type { SetMembersBody } from './escalation.schema';

async function requireQueue(ctx: CoreContext, id: string) {
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

export async function getQueueMembers(ctx: CoreContext, queueId: string) {
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

export async function setQueueMembers(ctx: CoreContext, queueId: string, body: SetMembersBody) {
  await requireQueue(ctx, queueId);
  if (body.user_ids) await requireAssignable(ctx, body.user_ids);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (body.user_ids) await replaceMembers(tx, queueId, [...new Set(body.user_ids)], now);
    if (body.assignment) await setAssignmentMode(tx, queueId, body.assignment, now);
  });
  return getQueueMembers(ctx, queueId);
}

export async function addQueueMember(ctx: CoreContext, queueId: string, userId: string) {
  await requireQueue(ctx, queueId);
  await requireAssignable(ctx, [userId]);
  await addMember(ctx.db, queueId, userId, ctx.clock.now());
  return getQueueMembers(ctx, queueId);
}

export async function removeQueueMember(ctx: CoreContext, queueId: string, userId: string) {
  await requireQueue(ctx, queueId);
  if (!(await removeMember(ctx.db, queueId, userId))) throw new AppError('NOT_FOUND', 'This user is not a member of the queue.');
  return getQueueMembers(ctx, queueId);
}
