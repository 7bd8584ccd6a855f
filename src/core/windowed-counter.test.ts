import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { rateLimitCounters } from './rate-limit-store';
import { countInWindow, windowCurrent } from './windowed-counter';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const MINUTE = 60_000;

async function count(key: string, now: Date): Promise<{ count: number; started: Date }> {
  const [row] = await t.ctx.db
    .insert(rateLimitCounters)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({ target: rateLimitCounters.key, set: countInWindow(rateLimitCounters, now, MINUTE) })
    .returning();
  return { count: row!.count, started: row!.windowStartedAt };
}

describe('windowed counter', () => {
  it('counts within a window and starts a new one the moment it is over', async () => {
    const start = new Date('2026-12-07T10:00:00.000Z');
    expect(await count('k', start)).toEqual({ count: 1, started: start });
    expect((await count('k', new Date(start.getTime() + MINUTE - 1))).count).toBe(2);
    const next = new Date(start.getTime() + MINUTE);
    expect(await count('k', next)).toEqual({ count: 1, started: next });
  });

  it('reads a window as current up to the millisecond before it is over, as the counter does', () => {
    const start = new Date('2026-12-07T10:00:00.000Z');
    expect(windowCurrent(start, new Date(start.getTime() + MINUTE - 1), MINUTE)).toBe(true);
    expect(windowCurrent(start, new Date(start.getTime() + MINUTE), MINUTE)).toBe(false);
  });
});
