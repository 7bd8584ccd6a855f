import { z } from 'zod';
import type { CoreContext } from '../../core/context';
import { notifyUsers } from '../notifications';
import { insertActivity, lockOverdueUnnotified, OVERDUE_NOTIFIED } from './tasks.queries';

export const OVERDUE_JOB = 'tasks.overdue';
const BUCKET_MS = 5 * 60_000;
const BATCH = 200;
const OverdueRun = z.object({ bucket: z.string() });

/** Tells each assignee once per task and due date that the task is overdue; returns how many were told. */
export async function notifyOverdueTasks(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  let total = 0;
  for (;;) {
    const told = await ctx.db.transaction(async (tx) => {
      const due = await lockOverdueUnnotified(tx, now, BATCH);
      for (const task of due) {
        await notifyUsers(
          tx,
          [task.assigneeId],
          {
            type: 'task_overdue',
            ticketId: task.ticketId,
            title: `Task overdue: ${task.title}`,
            body: `It was due ${task.dueAt.toISOString()}.`,
            data: { task_id: task.id, due_at: task.dueAt.toISOString() },
          },
          now,
        );
      }
      // Written even when the assignee is inactive, so a deactivated user's tasks are not re-checked every run.
      await insertActivity(
        tx,
        due.map((task) => ({ taskId: task.id, actorType: 'automation', actorId: null, action: OVERDUE_NOTIFIED, newValue: task.dueAt.toISOString(), createdAt: now })),
      );
      return due.length;
    });
    total += told;
    if (told < BATCH) break;
  }
  if (total > 0) ctx.log.info({ tasks: total }, 'overdue task notifications sent');
  return total;
}

// One run per five-minute bucket: the singleton key keeps several processes from scheduling it twice.
export async function scheduleOverdueRun(ctx: CoreContext, at: Date): Promise<void> {
  const bucket = new Date(Math.floor(at.getTime() / BUCKET_MS) * BUCKET_MS).toISOString();
  await ctx.jobs.enqueue(ctx.db, OVERDUE_JOB, { bucket }, { runAt: new Date(bucket), singletonKey: `${OVERDUE_JOB}:${bucket}`, maxAttempts: 3 });
}

export function registerTaskJobs(ctx: CoreContext): void {
  ctx.jobs.register({
    name: OVERDUE_JOB,
    schema: OverdueRun,
    maxAttempts: 3,
    backoffMs: 10_000,
    handler: async ({ bucket }) => {
      const next = new Date(Math.max(new Date(bucket).getTime(), ctx.clock.now().getTime() - BUCKET_MS) + BUCKET_MS);
      await scheduleOverdueRun(ctx, next);
      await notifyOverdueTasks(ctx);
    },
  });
  // Only processes that run jobs keep the chain going (tests and CLI commands don't).
  if (ctx.config.CLARA_JOBS) {
    scheduleOverdueRun(ctx, ctx.clock.now()).catch((err: unknown) => ctx.log.error({ err }, 'scheduling overdue task notifications failed'));
  }
}
