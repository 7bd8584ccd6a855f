import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

// A counter's window is [start, start + length): from start + length on it is over, and the next
// count starts a new window. Login throttles and the public routes' rate limits count this way.

/** Whether a window that started at `startedAt` still counts at `now`. */
export function windowCurrent(startedAt: Date, now: Date, windowMs: number): boolean {
  return startedAt.getTime() > now.getTime() - windowMs;
}

/**
 * The `set` of an `insert … on conflict do update` that counts one more in the row's window, or
 * starts a new window at `now` when that one is over: one statement, atomic across processes.
 */
export function countInWindow(columns: { count: PgColumn; windowStartedAt: PgColumn }, now: Date, windowMs: number): { count: SQL; windowStartedAt: SQL } {
  const over = sql`${columns.windowStartedAt} <= ${new Date(now.getTime() - windowMs)}`;
  return {
    count: sql`case when ${over} then 1 else ${columns.count} + 1 end`,
    windowStartedAt: sql`case when ${over} then ${now} else ${columns.windowStartedAt} end`,
  };
}
