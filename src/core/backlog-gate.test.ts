import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { BacklogGate } from './backlog-gate';
import { JobRunner } from './jobs';

let t: TestApp;
let runner: JobRunner;

beforeAll(async () => {
  t = await createTestApp();
  runner = new JobRunner(t.ctx.db, t.clock, t.ctx.log);
  runner.register({ name: 'test.work', schema: z.object({}), handler: async () => undefined });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.ctx.db.execute(sql`delete from jobs`);
});

/** A job that became due `agoMs` before now (the clock is the test's). */
function enqueueDue(agoMs: number) {
  return runner.enqueue(t.ctx.db, 'test.work', {}, { runAt: new Date(t.clock.now().getTime() - agoMs) });
}

describe('job lag', () => {
  it('is the age of the oldest due job, and 0 when none is due', async () => {
    expect(await runner.lagMs()).toBe(0);
    await enqueueDue(1_500);
    await enqueueDue(300);
    await runner.enqueue(t.ctx.db, 'test.work', {}, { runAt: new Date(t.clock.now().getTime() + 60_000) });
    expect(await runner.lagMs()).toBeCloseTo(1_500, 0);
    await runner.runDue();
    expect(await runner.lagMs()).toBe(0);
  });
});

describe('backlog gate', () => {
  const gate = (opts: Partial<ConstructorParameters<typeof BacklogGate>[1]> = {}) =>
    new BacklogGate(() => runner.lagMs(), { maxLagMs: 1_000, maxWaitMs: 5_000, sampleMs: 20, ...opts });

  it('lets new work through at once while the runners keep up', async () => {
    await enqueueDue(500);
    expect(await gate().pass()).toBe(0);
  });

  it('holds new work while the oldest due job is further behind than allowed, until the runners catch up', async () => {
    await enqueueDue(3_000);
    const passing = gate().pass();
    await new Promise((r) => setTimeout(r, 300));
    let passed = false;
    void passing.then(() => (passed = true));
    await new Promise((r) => setTimeout(r, 0));
    expect(passed).toBe(false);
    await runner.runDue();
    const waited = await passing;
    expect(waited).toBeGreaterThanOrEqual(290);
    expect(waited).toBeLessThan(2_000);
  });

  it('goes ahead after the longest wait when the backlog does not shrink', async () => {
    await enqueueDue(3_000);
    const waited = await gate({ maxWaitMs: 250 }).pass();
    expect(waited).toBeGreaterThanOrEqual(240);
    expect(waited).toBeLessThan(2_500);
  });

  it('never holds anything back when switched off', async () => {
    await enqueueDue(60_000);
    expect(await gate({ maxLagMs: 0 }).pass()).toBe(0);
  });

  it('lets work through when the backlog cannot be read', async () => {
    const broken = new BacklogGate(() => Promise.reject(new Error('database gone')), { maxLagMs: 1_000, maxWaitMs: 5_000 });
    expect(await broken.pass()).toBe(0);
  });

  it('shares one reading among the callers waiting at the same moment', async () => {
    let reads = 0;
    const counted = new BacklogGate(
      async () => {
        reads += 1;
        return 0;
      },
      { maxLagMs: 1_000, maxWaitMs: 5_000, sampleMs: 1_000 },
    );
    await Promise.all(Array.from({ length: 10 }, () => counted.pass()));
    expect(reads).toBe(1);
  });
});
