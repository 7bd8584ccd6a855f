import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../core/jobs.table';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { fastStaff } from '../meetings/test-staff';
import { notifications } from '../notifications';
import { OVERDUE_JOB, scheduleOverdueRun } from './task-overdue.jobs';

let t: TestApp;
let lead: Caller;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-02T08:00:00Z'));
  lead = await fastStaff(t, 'lead');
});
afterAll(() => t.close());

async function runOverdueJob(at: string): Promise<void> {
  t.clock.set(new Date(at));
  await scheduleOverdueRun(t.ctx, t.clock.now());
  await t.ctx.jobs.runDue();
}

const overdueNotices = (c: Caller) =>
  t.ctx.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, c.userId!), eq(notifications.type, 'task_overdue')));

async function task(body: Record<string, unknown>) {
  const res = await lead.request('POST', '/api/tasks', { title: 'Call back ACME', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('overdue task notifications', () => {
  it('tells the assignee once when a task passes its due date, and again only after a new due date passes', async () => {
    const agent = await fastStaff(t);
    const created = await task({ assignee_id: agent.userId, due_at: '2026-03-03T12:00:00Z' });

    await runOverdueJob('2026-03-03T11:55:00Z');
    expect(await overdueNotices(agent)).toHaveLength(0);

    await runOverdueJob('2026-03-03T12:05:00Z');
    await runOverdueJob('2026-03-03T12:10:00Z');
    await runOverdueJob('2026-03-04T09:00:00Z');
    const first = await overdueNotices(agent);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ title: 'Task overdue: Call back ACME', data: { task_id: created.id, due_at: '2026-03-03T12:00:00.000Z' } });

    await lead.request('PATCH', `/api/tasks/${created.id}`, { due_at: '2026-03-05T12:00:00Z' });
    await runOverdueJob('2026-03-05T12:05:00Z');
    await runOverdueJob('2026-03-05T12:30:00Z');
    expect((await overdueNotices(agent)).map((n) => n.data.due_at)).toEqual(['2026-03-03T12:00:00.000Z', '2026-03-05T12:00:00.000Z']);
  });

  it('leaves done and unassigned tasks alone', async () => {
    const agent = await fastStaff(t);
    await task({ assignee_id: agent.userId, due_at: '2026-03-06T12:00:00Z', status: 'done' });
    await task({ assignee_id: null, due_at: '2026-03-06T12:00:00Z' });
    await runOverdueJob('2026-03-06T13:00:00Z');
    expect(await overdueNotices(agent)).toHaveLength(0);
  });

  it('records the notice in the task history as an automation action', async () => {
    const agent = await fastStaff(t);
    const created = await task({ assignee_id: agent.userId, due_at: '2026-03-07T12:00:00Z' });
    await runOverdueJob('2026-03-07T12:01:00Z');
    const activity = (await lead.request('GET', `/api/tasks/${created.id}/activity`)).json().items;
    expect(activity.at(-1)).toMatchObject({ action: 'overdue_notified', actor_type: 'automation', actor_id: null, new_value: '2026-03-07T12:00:00.000Z' });
  });

  it('keeps itself scheduled: each run enqueues the next five-minute bucket once', async () => {
    await runOverdueJob('2026-03-20T12:02:30Z');
    const pending = () =>
      t.ctx.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.name, OVERDUE_JOB), eq(jobs.status, 'pending')));
    expect((await pending()).map((j) => j.singletonKey)).toEqual([`${OVERDUE_JOB}:2026-03-20T12:05:00.000Z`]);
    await scheduleOverdueRun(t.ctx, new Date('2026-03-20T12:06:10Z'));
    expect(await pending()).toHaveLength(1);
  });
});
