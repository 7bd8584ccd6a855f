import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../core/jobs.table';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { REMINDERS_JOB, scheduleReminderRun } from './meeting-reminders.jobs';
import { meetingRemindersSent } from './meetings.table';
import { fastStaff } from './test-staff';

let t: TestApp;
let organizer: Caller;
let attendee: Caller;
let decliner: Caller;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-03-02T08:00:00Z'));
  [organizer, attendee, decliner] = [await fastStaff(t), await fastStaff(t), await fastStaff(t)];
});
afterAll(() => t.close());

async function runReminderJob(at: string): Promise<void> {
  t.clock.set(new Date(at));
  await scheduleReminderRun(t.ctx, t.clock.now());
  await t.ctx.jobs.runDue();
}

const remindersOf = (c: Caller) => t.ctx.db.select().from(meetingRemindersSent).where(eq(meetingRemindersSent.userId, c.userId!));

describe('meeting reminders', () => {
  it('reminds each attendee who has not declined once per occurrence, N minutes before it starts', async () => {
    const res = await organizer.request('POST', '/api/meetings', {
      title: 'Weekly planning',
      start: '2026-03-10T10:00:00Z',
      end: '2026-03-10T11:00:00Z',
      recurrence: 'FREQ=WEEKLY;COUNT=3',
      reminder_minutes: 15,
      attendee_ids: [attendee.userId, decliner.userId],
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    await decliner.request('POST', `/api/meetings/${id}/response`, { response: 'declined' });

    await runReminderJob('2026-03-10T09:44:00Z');
    expect(await remindersOf(attendee)).toHaveLength(0);

    await runReminderJob('2026-03-10T09:46:00Z');
    await runReminderJob('2026-03-10T09:50:00Z');
    expect((await remindersOf(attendee)).map((r) => r.occurrenceStart.toISOString())).toEqual(['2026-03-10T10:00:00.000Z']);
    expect(await remindersOf(organizer)).toHaveLength(1);
    expect(await remindersOf(decliner)).toHaveLength(0);

    await runReminderJob('2026-03-17T09:50:00Z');
    expect(await remindersOf(attendee)).toHaveLength(2);

    const notes = (await attendee.request('GET', '/api/notifications')).json().items.filter((n: { type: string }) => n.type === 'meeting_reminder');
    expect(notes.map((n: { title: string }) => n.title)).toEqual(['"Weekly planning" starts at 10:00 (UTC)', '"Weekly planning" starts at 10:00 (UTC)']);
    expect(notes[0].data).toEqual({ meeting_id: id, occurrence_start: '2026-03-17T10:00:00.000Z' });
    const mine = await attendee.request('GET', '/api/meetings/reminders');
    expect(mine.json().items[0]).toMatchObject({ meeting_id: id, title: 'Weekly planning', occurrence_start: '2026-03-17T10:00:00.000Z' });
  });

  it('keeps itself scheduled: each run enqueues the next minute once', async () => {
    await runReminderJob('2026-03-20T12:00:30Z');
    const pending = await t.ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, REMINDERS_JOB), eq(jobs.status, 'pending')));
    expect(pending.map((j) => j.singletonKey)).toEqual(['2026-03-20T12:01:00.000Z']);
    await scheduleReminderRun(t.ctx, new Date('2026-03-20T12:01:10Z'));
    const again = await t.ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.name, REMINDERS_JOB), eq(jobs.status, 'pending')));
    expect(again).toHaveLength(1);
  });
});
