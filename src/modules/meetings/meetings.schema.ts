import { z } from 'zod';
import { MEETING_STATUSES, RESPONSES, UPDATE_SCOPES } from './meeting-fields';

// ISO-8601: a date (all-day meetings) or a date-time with an optional offset (without one it is read in `timezone`).
const IsoTime = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/, 'an ISO-8601 date or date-time');
const Instant = z.string().datetime({ offset: true });
const Timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Berlin');
const ExternalAttendee = z.object({ email: z.string().trim().toLowerCase().email().max(254), name: z.string().trim().min(1).max(120).optional() });
const Text = (max: number) => z.string().trim().max(max);

const MeetingFields = {
  title: z.string().trim().min(1).max(200),
  start: IsoTime,
  end: IsoTime,
  timezone: Timezone.optional(),
  all_day: z.boolean().optional(),
  attendee_ids: z.array(z.string().uuid()).max(100),
  external_attendees: z.array(ExternalAttendee).max(100).optional(),
  recurrence: z.string().trim().min(6).max(500).nullable().optional(),
  agenda: Text(20_000).nullable().optional(),
  location: Text(500).nullable().optional(),
  notes: Text(20_000).nullable().optional(),
  reminder_minutes: z.number().int().min(0).max(7 * 24 * 60).nullable().optional(),
  allow_conflicts: z.boolean().optional(),
};

export const CreateMeetingBody = z.object(MeetingFields);
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

export const UpdateMeetingBody = z
  .object({
    ...MeetingFields,
    attendee_ids: MeetingFields.attendee_ids.optional(),
    title: MeetingFields.title.optional(),
    start: MeetingFields.start.optional(),
    end: MeetingFields.end.optional(),
    scope: z.enum(UPDATE_SCOPES).default('series'),
    occurrence_start: Instant.optional(),
  })
  .refine((b) => Object.keys(b).some((k) => !['scope', 'occurrence_start', 'allow_conflicts'].includes(k)), 'send at least one field to change')
  .refine((b) => b.scope === 'series' || b.occurrence_start !== undefined, {
    message: 'scope occurrence needs occurrence_start',
    path: ['occurrence_start'],
  });
export type UpdateMeetingBody = z.infer<typeof UpdateMeetingBody>;

export const CancelMeetingQuery = z.object({ occurrence_start: Instant.optional() });

export const RespondBody = z.object({ response: z.enum(RESPONSES) });

export const MeetingIdParams = z.object({ id: z.string().uuid() });

const Attendees = z.string().regex(/^(me|[0-9a-f-]{36})(,(me|[0-9a-f-]{36}))*$/i, 'comma-separated user ids (or me)');

export const ListMeetingsQuery = z.object({
  from: Instant,
  to: Instant,
  attendee: z.union([z.string().uuid(), z.literal('me')]).optional(),
  include_cancelled: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListMeetingsQuery = z.infer<typeof ListMeetingsQuery>;

export const FreeSlotsQuery = z.object({
  attendees: Attendees.optional(),
  duration: z.coerce.number().int().min(5).max(24 * 60).default(30),
  step: z.coerce.number().int().min(5).max(24 * 60).optional(),
  from: Instant,
  to: Instant,
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type FreeSlotsQuery = z.infer<typeof FreeSlotsQuery>;

export const Attendee = z.object({
  user_id: z.string().nullable(),
  email: z.string().nullable(),
  name: z.string().nullable(),
  response: z.enum(RESPONSES),
});

export const Meeting = z.object({
  id: z.string(),
  series_id: z.string().nullable(),
  /** For an occurrence of a series (or an exception row): the start the rule gave it. */
  occurrence_start: z.string().nullable(),
  title: z.string(),
  agenda: z.string().nullable(),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  timezone: z.string(),
  all_day: z.boolean(),
  recurrence: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  reminder_minutes: z.number().nullable(),
  organizer: z.object({ id: z.string(), name: z.string() }),
  attendees: z.array(Attendee),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingList = z.object({ items: z.array(Meeting) });

export const Slot = z.object({ start: z.string(), end: z.string() });
export const SlotList = z.array(Slot);

export const Conflict = z.object({
  meeting_id: z.string(),
  title: z.string(),
  start: z.string(),
  end: z.string(),
  attendee_ids: z.array(z.string()),
});
export type Conflict = z.infer<typeof Conflict>;

export const CalendarToken = z.object({ token: z.string(), url: z.string(), created_at: z.string() });

export const Reminder = z.object({ meeting_id: z.string(), title: z.string(), occurrence_start: z.string(), sent_at: z.string() });
export const ReminderList = z.object({ items: z.array(Reminder) });

export const CalendarFeedParams = z.object({ token: z.string().min(20).max(100) });
