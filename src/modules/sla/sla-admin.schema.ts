import { z } from 'zod';
import { PRIORITIES } from '../tickets/ticket-fields';
import { isValidTimezone, WEEKDAYS } from './business-time';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time "HH:MM" (00:00 to 24:00)');
const WorkingHours = z
  .object({ day: z.enum(WEEKDAYS), start: Time, end: Time })
  .refine((w) => w.start < w.end, { message: 'end must be after start', path: ['end'] });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date "YYYY-MM-DD"').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'not a real date');
const Holiday = z.object({ date: IsoDate, name: z.string().trim().min(1).max(100).optional() });

function noOverlaps(hours: { day: string; start: string; end: string }[]): boolean {
  const sorted = [...hours].sort((a, b) => a.day.localeCompare(b.day) || a.start.localeCompare(b.start));
  return sorted.every((h, i) => i === 0 || sorted[i - 1]!.day !== h.day || sorted[i - 1]!.end <= h.start);
}

const CalendarFields = {
  name: z.string().trim().min(1).max(100),
  timezone: z.string().refine(isValidTimezone, 'an IANA time zone such as Europe/Berlin'),
  working_hours: z
    .array(WorkingHours)
    .min(1, 'a calendar needs working hours')
    .max(70)
    .refine(noOverlaps, 'working hours of one day must not overlap'),
  holidays: z.array(Holiday).max(1000),
};

export const CreateCalendarBody = z.object({ ...CalendarFields, holidays: CalendarFields.holidays.default([]) });
export type CreateCalendarBody = z.infer<typeof CreateCalendarBody>;
export const UpdateCalendarBody = z.object(CalendarFields).partial().refine((b) => Object.keys(b).length > 0, 'send at least one field to change');
export type UpdateCalendarBody = z.infer<typeof UpdateCalendarBody>;

export const Calendar = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  working_hours: z.array(z.object({ day: z.enum(WEEKDAYS), start: z.string(), end: z.string() })),
  holidays: z.array(z.object({ date: z.string(), name: z.string().optional() })),
  created_at: z.string(),
  updated_at: z.string(),
});
export const CalendarList = z.object({ items: z.array(Calendar) });
export const IdParams = z.object({ id: z.string().uuid() });

const Minutes = z.number().int().min(1).max(525_600);
export const CreateSlaBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    priority: z.enum(PRIORITIES),
    first_response_minutes: Minutes,
    resolution_minutes: Minutes,
    active: z.boolean().default(true),
    calendar_id: z.string().uuid().nullable().default(null),
  })
  .refine((b) => b.first_response_minutes <= b.resolution_minutes, { message: 'first response must not be later than resolution', path: ['first_response_minutes'] });
export type CreateSlaBody = z.infer<typeof CreateSlaBody>;
export const UpdateSlaBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    first_response_minutes: Minutes,
    resolution_minutes: Minutes,
    active: z.boolean(),
    calendar_id: z.string().uuid().nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field to change');
export type UpdateSlaBody = z.infer<typeof UpdateSlaBody>;

export const AdminSla = z.object({
  id: z.string(),
  name: z.string(),
  priority: z.enum(PRIORITIES),
  first_response_minutes: z.number(),
  resolution_minutes: z.number(),
  active: z.boolean(),
  calendar: z.object({ id: z.string(), name: z.string(), timezone: z.string() }).nullable(),
});
export const AdminSlaList = z.object({ items: z.array(AdminSla) });
