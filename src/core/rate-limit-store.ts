import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { lt } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Clock } from './clock';
import type { Db } from './db';
import { countInWindow } from './windowed-counter';

// Request counters of the per-route rate limits (public intake, uploads, status pages), in the
// database so every Clara process counts the same client together.
export const rateLimitCounters = pgTable('rate_limit_counters', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
});

async function increment(db: Db, key: string, now: Date, windowMs: number) {
  const [row] = await db
    .insert(rateLimitCounters)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({ target: rateLimitCounters.key, set: countInWindow(rateLimitCounters, now, windowMs) })
    .returning();
  // Now and then, forget counters whose window ended long ago.
  if (Math.random() < 0.01) await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStartedAt, new Date(now.getTime() - 24 * 60 * 60_000)));
  return { current: row!.count, ttl: Math.max(0, row!.windowStartedAt.getTime() + windowMs - now.getTime()) };
}

/** A store for @fastify/rate-limit on Clara's database: one counter per route and client, shared by all processes. */
export function databaseRateLimitStore(db: Db, clock: Clock): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    prefix = 'global:';

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow?: number): void {
      increment(db, `${this.prefix}${key}`, clock.now(), timeWindow ?? 60_000).then(
        (result) => callback(null, result),
        (err: Error) => callback(err),
      );
    }

    child(routeOptions: { routeInfo?: { method?: string; url?: string }; method?: unknown; url?: string }): FastifyRateLimitStore {
      const store = new DatabaseStore();
      store.prefix = `${routeOptions.routeInfo?.method ?? String(routeOptions.method)} ${routeOptions.routeInfo?.url ?? routeOptions.url}:`;
      return store;
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor;
}
