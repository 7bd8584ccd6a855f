import { boolean, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table';
import type { AttendeeResponse, MeetingStatus } from './meeting-fields';

// A series is one row with an RRULE; a changed or cancelled occurrence is its own row pointing at the
// series (series_id + recurrence_id, as RFC 5545's RECURRENCE-ID), so the rule itself never changes.
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    agenda: text('agenda'),
    location: text('location'),
    notes: text('notes'),
    startAt: timestamp('start_at', { withTimezone: true }).notNull(),
    endAt: timestamp('end_at', { withTimezone: true }).notNull(),
    timezone: text('timezone').notNull(),
    allDay: boolean('all_day').notNull().default(false),
    recurrence: text('recurrence'),
    // End of the last occurrence; null for a series without COUNT/UNTIL. Lets range queries skip old series.
    recurrenceEndAt: timestamp('recurrence_end_at', { withTimezone: true }),
    seriesId: uuid('series_id').references((): AnyPgColumn => meetings.id),
    recurrenceId: timestamp('recurrence_id', { withTimezone: true }),
    organizerId: uuid('organizer_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<MeetingStatus>().notNull().default('scheduled'),
    reminderMinutes: integer('reminder_minutes'),
    sequence: integer('sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meetings_range_idx').on(t.startAt, t.endAt),
    index('meetings_organizer_idx').on(t.organizerId),
    unique('meetings_occurrence_uq').on(t.seriesId, t.recurrenceId),
  ],
);

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id),
    email: text('email'),
    name: text('name'),
    response: text('response').$type<AttendeeResponse>().notNull().default('needs-action'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
  },
  (t) => [
    unique('meeting_attendees_user_uq').on(t.meetingId, t.userId),
    unique('meeting_attendees_email_uq').on(t.meetingId, t.email),
    index('meeting_attendees_user_idx').on(t.userId),
  ],
);

// One row per attendee and occurrence: the in-app reminder itself, and what keeps it from repeating.
export const meetingRemindersSent = pgTable(
  'meeting_reminders_sent',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    occurrenceStart: timestamp('occurrence_start', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId, t.occurrenceStart] }), index('meeting_reminders_user_idx').on(t.userId, t.sentAt)],
);

// Calendar apps cannot log in: the feed URL carries a secret; only its hash is stored.
export const calendarTokens = pgTable('calendar_tokens', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export type MeetingRow = typeof meetings.$inferSelect;
export type MeetingAttendeeRow = typeof meetingAttendees.$inferSelect;
