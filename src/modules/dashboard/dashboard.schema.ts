import { z } from 'zod';
import { CATEGORIES, PRIORITIES } from '../tickets/ticket-fields';

const Timezone = z.string().max(64).refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Berlin');

export const DashboardQuery = z.object({
  /** The zone whose calendar days "new today" and the daily volume use. */
  tz: Timezone.default('UTC'),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

const SlaCompliance = z.object({
  /** Tickets whose outcome is known: met (done in time) or breached (done late, or still not done after the deadline). */
  met: z.number(),
  breached: z.number(),
  /** met / (met + breached) in percent, one decimal; null when no ticket has an outcome yet. */
  percent: z.number().nullable(),
});

export const Dashboard = z.object({
  generated_at: z.string(),
  timezone: z.string(),
  window_days: z.number(),
  counts: z.object({ open: z.number(), new_today: z.number(), escalated: z.number(), pending: z.number(), unassigned: z.number() }),
  /** Over tickets created in the window. */
  sla: z.object({ first_response: SlaCompliance, resolution: SlaCompliance }),
  /** Medians in seconds over tickets created in the window; null when there is none. */
  /** Medians of the team's work: tickets Clara answered and resolved by itself are left out. */
  median_seconds: z.object({ first_response: z.number().nullable(), resolution: z.number().nullable() }),
  /**
   * Tickets created in the window that Clara answered and resolved by itself; `reopened` of them came
   * back (failed auto-resolutions), `succeeded` did not; `percent` is succeeded / total.
   */
  auto_resolve: z.object({ total: z.number(), auto_resolved: z.number(), reopened: z.number(), succeeded: z.number(), percent: z.number().nullable() }),
  /** Unresolved tickets (open, pending, escalated). */
  by_category: z.array(z.object({ category: z.enum(CATEGORIES), count: z.number() })),
  by_priority: z.array(z.object({ priority: z.enum(PRIORITIES), count: z.number() })),
  /** One row per calendar day in the time zone, oldest first, the window's last day being today. */
  volume: z.array(z.object({ day: z.string(), created: z.number(), resolved: z.number() })),
  /** Unresolved tickets per active staff member who can hold tickets, busiest first. */
  workload: z.array(z.object({ user_id: z.string(), name: z.string(), open: z.number(), escalated: z.number() })),
});
export type Dashboard = z.infer<typeof Dashboard>;
