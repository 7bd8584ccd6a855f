import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { JobRunner } from './jobs';
import { queryRows } from './db';

let t: TestApp;
let runner: JobRunner;
const seen: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  runner = new JobRunner(t.ctx.db, t.clock, t.ctx.log);
  let failuresLeft = 2;
  runner.register({ name: 'test.ok', schema: z.object({ tag: z.string() }), handler: async (p) => void seen.push(p.tag) });
  runner.register({
    name: 'test.flaky',
    schema: z.object({ tag: z.string() }),
    backoffMs: 1000,
    handler: async (p) => {
      if (failuresLeft-- > 0) throw new Error('temporary failure');
      seen.push(p.tag);
    },
  });
  runner.register({ name: 'test.broken', schema: z.object({}), maxAttempts: 3, handler: async () => Promise.reject(new Error('always broken')) });
});
afterAll(() => t.close());
beforeEach(async () => {
  seen.length = 0;
  await t.ctx.db.execute(sql`delete from jobs`);
});

async function jobRows() {
  return queryRows<{ name: string; status: string; attempts: number; last_error: string | null; run_at: Date }>(
    t.ctx.db,
    sql`select name, status, attempts, last_error, run_at from jobs order by id`,
  );
}

describe('job runner', () => {
  it('runs a due job once and marks it completed', async () => {
    await runner.enqueue(t.ctx.db, 'test.ok', { tag: 'a' });
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    expect(seen).toEqual(['a']);
    expect((await jobRows())[0]).toMatchObject({ status: 'completed', attempts: 1 });
  });

  it('does not run a job before its run_at', async () => {
    await runner.enqueue(t.ctx.db, 'test.ok', { tag: 'later' }, { runAt: new Date(t.clock.now().getTime() + 60_000) });
    expect(await runner.runDue()).toBe(0);
    // Scheduled work is pending but not yet part of the backlog.
    expect(await runner.stats()).toMatchObject({ pending: 1, due: 0 });
    t.clock.advance(60_000);
    expect(await runner.stats()).toMatchObject({ pending: 1, due: 1 });
    expect(await runner.runDue()).toBe(1);
    expect(seen).toEqual(['later']);
  });

  it('retries a failing job with exponential backoff until it succeeds', async () => {
    await runner.enqueue(t.ctx.db, 'test.flaky', { tag: 'eventually' });
    await runner.runDue();
    let [row] = await jobRows();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'temporary failure' });
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(1000);
    await runner.runDue();
    [row] = await jobRows();
    expect(row).toMatchObject({ status: 'pending', attempts: 2 });
    t.clock.advance(1999);
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(1);
    await runner.runDue();
    expect(seen).toEqual(['eventually']);
    expect((await jobRows())[0]).toMatchObject({ status: 'completed', attempts: 3 });
  });

  it('moves a job that keeps failing to dead after max attempts', async () => {
    await runner.enqueue(t.ctx.db, 'test.broken', {});
    for (let i = 0; i < 5; i += 1) {
      await runner.runDue();
      t.clock.advance(3_600_000);
    }
    expect((await jobRows())[0]).toMatchObject({ status: 'dead', attempts: 3, last_error: 'always broken' });
    expect(await runner.stats()).toMatchObject({ dead: 1, pending: 0 });
  });

  it('runs work committed in this process at once when woken, not at the next poll', async () => {
    const started = new JobRunner(t.ctx.db, t.clock, t.ctx.log, 60 * 60_000);
    started.register({ name: 'test.ok', schema: z.object({ tag: z.string() }), handler: async (p) => void seen.push(p.tag) });
    started.wake(); // not started: nothing happens
    await started.enqueue(t.ctx.db, 'test.ok', { tag: 'woken' });
    expect(await started.isQueued('test.ok', { tag: 'woken' })).toBe(true);
    expect(await started.isQueued('test.ok', { tag: 'other' })).toBe(false);
    started.start();
    started.wake();
    await vi.waitFor(() => expect(seen).toEqual(['woken']), { timeout: 5_000 });
    await started.stop();
    expect(await started.isQueued('test.ok', { tag: 'woken' })).toBe(false);
  });

  it('works several jobs at once when started with a concurrency, each still once', async () => {
    const started = new JobRunner(t.ctx.db, t.clock, t.ctx.log, 60 * 60_000, undefined, 3);
    let inFlight = 0;
    let most = 0;
    started.register({
      name: 'test.slow',
      schema: z.object({ tag: z.string() }),
      handler: async (p) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 50));
        inFlight -= 1;
        seen.push(p.tag);
      },
    });
    for (let i = 0; i < 9; i += 1) await started.enqueue(t.ctx.db, 'test.slow', { tag: String(i) });
    started.start();
    started.wake();
    await vi.waitFor(() => expect(seen).toHaveLength(9), { timeout: 10_000 });
    await started.stop();
    expect(most).toBe(3);
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    // Each finished job is recorded with its worker's next claim, the last ones when none was left.
    await vi.waitFor(async () => expect(await started.stats()).toMatchObject({ running: 0, completed: 9 }), { timeout: 5_000 });
  });

  it('records a job finished by a started runner completed, and a failed one for its retry, whatever comes after', async () => {
    const started = new JobRunner(t.ctx.db, t.clock, t.ctx.log, 60 * 60_000, undefined, 2);
    started.register({ name: 'test.ok', schema: z.object({ tag: z.string() }), handler: async (p) => void seen.push(p.tag) });
    started.register({ name: 'test.broken', schema: z.object({}), maxAttempts: 3, handler: async () => Promise.reject(new Error('always broken')) });
    await started.enqueue(t.ctx.db, 'test.ok', { tag: 'alone' });
    started.start();
    started.wake();
    await vi.waitFor(async () => expect(await started.stats()).toMatchObject({ running: 0, completed: 1 }), { timeout: 5_000 });
    await started.enqueue(t.ctx.db, 'test.broken', {});
    await started.enqueue(t.ctx.db, 'test.ok', { tag: 'after' });
    started.wake();
    await vi.waitFor(async () => expect(await started.stats()).toMatchObject({ running: 0, completed: 2, pending: 1 }), { timeout: 5_000 });
    await started.stop();
    expect(seen).toEqual(['alone', 'after']);
    expect((await jobRows()).map((r) => [r.name, r.status])).toEqual([
      ['test.ok', 'completed'],
      ['test.broken', 'pending'],
      ['test.ok', 'completed'],
    ]);
  });

  it('keeps working other jobs while one long job runs', async () => {
    const started = new JobRunner(t.ctx.db, t.clock, t.ctx.log, 60 * 60_000, undefined, 2);
    let finishLong!: () => void;
    const long = new Promise<void>((resolve) => (finishLong = resolve));
    started.register({ name: 'test.long', schema: z.object({}), handler: () => long });
    started.register({ name: 'test.ok', schema: z.object({ tag: z.string() }), handler: async (p) => void seen.push(p.tag) });
    await started.enqueue(t.ctx.db, 'test.long', {});
    started.start();
    started.wake();
    await vi.waitFor(async () => expect(await started.stats()).toMatchObject({ running: 1 }), { timeout: 5_000 });
    for (const tag of ['a', 'b', 'c']) {
      await started.enqueue(t.ctx.db, 'test.ok', { tag });
      started.wake();
      await vi.waitFor(() => expect(seen).toContain(tag), { timeout: 5_000 });
    }
    finishLong();
    await started.stop();
    expect(await started.stats()).toMatchObject({ running: 0, completed: 4 });
  });

  it('refuses to enqueue a payload that does not match the job schema', async () => {
    await expect(runner.enqueue(t.ctx.db, 'test.ok', { tag: 42 })).rejects.toThrow();
    expect(await jobRows()).toHaveLength(0);
  });

  it('keeps one live job per singleton key', async () => {
    await runner.enqueue(t.ctx.db, 'test.ok', { tag: 's' }, { singletonKey: 'k' });
    await runner.enqueue(t.ctx.db, 'test.ok', { tag: 's' }, { singletonKey: 'k' });
    expect(await jobRows()).toHaveLength(1);
    await runner.runDue();
    await runner.enqueue(t.ctx.db, 'test.ok', { tag: 's' }, { singletonKey: 'k' });
    expect(await jobRows()).toHaveLength(2);
  });

  it('does not enqueue when the surrounding transaction rolls back', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await runner.enqueue(tx, 'test.ok', { tag: 'rolled back' });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await jobRows()).toHaveLength(0);
  });

  it('hands a job left running by a crashed process to another worker after the lock expires', async () => {
    await runner.enqueue(t.ctx.db, 'test.ok', { tag: 'orphan' });
    await t.ctx.db.execute(sql`update jobs set status = 'running', locked_at = ${t.clock.now().toISOString()}, attempts = 1`);
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(11 * 60_000);
    expect(await runner.runDue()).toBe(1);
    expect(seen).toEqual(['orphan']);
  });

  it('never runs one job twice when two runners poll together', async () => {
    const other = new JobRunner(t.ctx.db, t.clock, t.ctx.log);
    other.register({ name: 'test.ok', schema: z.object({ tag: z.string() }), handler: async (p) => void seen.push(`other:${p.tag}`) });
    for (let i = 0; i < 20; i += 1) await runner.enqueue(t.ctx.db, 'test.ok', { tag: String(i) });
    const [a, b] = await Promise.all([runner.runDue(), other.runDue()]);
    expect(a + b).toBe(20);
    const tags = seen.map((s) => s.replace('other:', '')).sort((x, y) => Number(x) - Number(y));
    expect(tags).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });

  it('marks a job with no registered handler dead instead of retrying forever', async () => {
    await runner.enqueue(t.ctx.db, 'test.unknown', { x: 1 });
    await runner.runDue();
    expect((await jobRows())[0]).toMatchObject({ status: 'dead' });
  });

  it('prunes completed jobs past the retention window and keeps dead and recent ones', async () => {
    await runner.enqueue(t.ctx.db, 'test.ok', { tag: 'old' });
    await runner.enqueue(t.ctx.db, 'test.unknown', {});
    await runner.runDue();
    t.clock.advance(8 * 24 * 60 * 60_000);
    await runner.enqueue(t.ctx.db, 'test.ok', { tag: 'recent' });
    await runner.runDue();
    expect(await runner.prune()).toBe(1);
    expect((await jobRows()).map((r) => [r.name, r.status])).toEqual([
      ['test.unknown', 'dead'],
      ['test.ok', 'completed'],
    ]);
  });
});
