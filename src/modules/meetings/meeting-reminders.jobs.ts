import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CoreContext } from '../../core/context';
import { loadOccurrences } from './meeting-occurrences';
import { notifyUsers } from '../notifications';
import { findAttendees, insertReminders } from './meetings.queries';

export const REMINDERS_JOB = 'meetings.reminders';
const MINUTE = 60_000;
const MAX_LEAD_MS = 7 * 24 * 60 * MINUTE;
const ReminderRun = z.object({ bucket: z.string() });

/** Writes a reminder for each staff attendee (not declined) of every occurrence whose reminder time has come. */
export async function sendDueReminders(ctx: CoreContext): Promise<number> {
  const now = ctx.clock.now();
  const upcoming = await loadOccurrences(ctx.db, { from: now, to: new Date(now.getTime() + MAX_LEAD_MS) });
  const due = upcoming.filter(
    (o) => o.row.reminderMinutes !== null && o.start > now && o.start.getTime() - o.row.reminderMinutes * MINUTE <= now.getTime(),
  );
  if (due.length === 0) return 0;
  const attendees = await findAttendees(ctx.db, [...new Set(due.map((o) => o.row.id))]);
  const rows = due.flatMap((o) =>
    attendees
      .filter((a) => a.meetingId === o.row.id && a.userId && a.response !== 'declined')
      .map((a) => ({ meetingId: o.row.id, userId: a.userId!, occurrenceStart: o.start, sentAt: now })),
  );
  // The reminder row and its notification (in-app, then email) commit together: never one without the other.
  const sent = await ctx.db.transaction(async (tx) => {
    const fresh = await insertReminders(tx, rows);
    for (const r of fresh) {
      const occurrence = due.find((o) => o.row.id === r.meetingId && o.start.getTime() === r.occurrenceStart.getTime())!;
      const local = DateTime.fromJSDate(occurrence.start, { zone: occurrence.row.timezone }).toFormat('HH:mm');
      await notifyUsers(tx, [r.userId], {
        type: 'meeting_reminder',
        ticketId: null,
        title: `"${occurrence.row.title}" starts at ${local} (${occurrence.row.timezone})`,
        body: occurrence.row.location ? `Where: ${occurrence.row.location}` : '',
        data: { meeting_id: r.meetingId, occurrence_start: r.occurrenceStart.toISOString() },
      }, now);
    }
    return fresh.length;
  });
  if (sent > 0) ctx.log.info({ sent }, 'meeting reminders sent');
  return sent;
}

// One run per minute bucket: the singleton key keeps several processes from scheduling the same minute twice.
export async function scheduleReminderRun(ctx: CoreContext, at: Date): Promise<void> {
  const bucket = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE).toISOString();
  await ctx.jobs.enqueue(ctx.db, REMINDERS_JOB, { bucket }, { runAt: new Date(bucket), singletonKey: bucket, maxAttempts: 3 });
}

export function registerMeetingJobs(ctx: CoreContext): void {
  ctx.jobs.register({
    name: REMINDERS_JOB,
    schema: ReminderRun,
    maxAttempts: 3,
    backoffMs: 10_000,
    handler: async ({ bucket }) => {
      const next = new Date(Math.max(new Date(bucket).getTime(), ctx.clock.now().getTime() - MINUTE) + MINUTE);
      await scheduleReminderRun(ctx, next);
      await sendDueReminders(ctx);
    },
  });
  // Only processes that run jobs keep the chain going (tests and CLI commands don't).
  if (ctx.config.CLARA_JOBS) {
    scheduleReminderRun(ctx, ctx.clock.now()).catch((err: unknown) => ctx.log.error({ err }, 'scheduling meeting reminders failed'));
  }
}
