import { z } from 'zod';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');

/** When a user can be booked, in their own time zone; ISO weekdays (1 = Monday … 7 = Sunday). */
export const WorkingHours = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    start: Clock,
    end: Clock,
  })
  // Night shifts crossing midnight are not modelled yet.
  .refine((w) => w.start < w.end, { message: 'end must be after start', path: ['end'] })
  .transform((w) => ({ ...w, days: [...new Set(w.days)].sort((a, b) => a - b) }));
export type WorkingHours = z.infer<typeof WorkingHours>;

export const DEFAULT_WORKING_HOURS: WorkingHours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };

/** The stored shape, as answered by the API (no input rules). */
export const WorkingHoursView = z.object({ days: z.array(z.number()), start: z.string(), end: z.string() });
