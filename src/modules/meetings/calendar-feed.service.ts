import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { hashToken, randomToken } from '../../core/secrets';
import { findVisibleMeeting, requireStaff } from './meeting-access';
import { buildCalendar } from './meeting-ics';
import { deleteCalendarToken, findFeedMeetings, findMeeting, findUserByCalendarToken, upsertCalendarToken } from './meetings.queries';

const FEED_PAST_DAYS = 90;
const TOKEN_PREFIX = 'clcal_';

export async function meetingIcs(ctx: CoreContext, actor: Actor, id: string): Promise<string> {
  const row = await findVisibleMeeting(ctx.db, requireStaff(actor), id);
  // An exception exports with its series, the way calendar apps expect a RECURRENCE-ID.
  const series = row.seriesId ? await findMeeting(ctx.db, row.seriesId) : null;
  return buildCalendar(ctx.db, row.title, [series ?? row], ctx.clock.now());
}

/** Creates the feed secret, or replaces it (the old URL stops working). Shown once; only its hash is kept. */
export async function rotateCalendarToken(ctx: CoreContext, actor: Actor, baseUrl: string) {
  const staff = requireStaff(actor);
  const token = `${TOKEN_PREFIX}${randomToken(24)}`;
  const now = ctx.clock.now();
  await upsertCalendarToken(ctx.db, staff.id, hashToken(token), now);
  return { token, url: `${baseUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`, created_at: now.toISOString() };
}

export async function revokeCalendarToken(ctx: CoreContext, actor: Actor): Promise<void> {
  await deleteCalendarToken(ctx.db, requireStaff(actor).id);
}

export async function calendarFeed(ctx: CoreContext, token: string): Promise<string> {
  const user = token.startsWith(TOKEN_PREFIX) ? await findUserByCalendarToken(ctx.db, hashToken(token)) : null;
  if (!user || !user.active) throw new AppError('NOT_FOUND', 'Unknown or revoked calendar feed.');
  const now = ctx.clock.now();
  const rows = await findFeedMeetings(ctx.db, user.id, new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000));
  return buildCalendar(
    ctx.db,
    `Clara – ${user.name}`,
    rows.filter((r) => !r.seriesId),
    now,
  );
}
