import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app';
import { SharedCache } from './shared-cache';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function counter() {
  let loads = 0;
  return { load: async () => ++loads, loads: () => loads };
}

describe('shared cache', () => {
  it('reads once and serves the value until a change drops it', async () => {
    const cache = new SharedCache();
    const c = counter();
    expect(await cache.get('queues', c.load)).toBe(1);
    expect(await cache.get('queues', c.load)).toBe(1);
    await t.ctx.db.transaction((tx) => cache.changedIn(tx, 'queues'));
    expect(await cache.get('queues', c.load)).toBe(2);
  });

  it('drops the name in another process when the change commits, and not when it rolls back', async () => {
    const here = new SharedCache();
    const there = new SharedCache();
    await there.followChanges(t.ctx.database.listen);
    const c = counter();
    expect(await there.get('slas', c.load)).toBe(1);
    await t.ctx.db
      .transaction(async (tx) => {
        await here.changedIn(tx, 'slas');
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    expect(await there.get('slas', c.load)).toBe(1);
    await t.ctx.db.transaction((tx) => here.changedIn(tx, 'slas'));
    await vi.waitFor(async () => expect(await there.get('slas', c.load)).toBe(2), { timeout: 3_000 });
  });

  it('does not keep what a read that began before a change returned', async () => {
    const cache = new SharedCache();
    let release!: () => void;
    const slow = cache.get('rules', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    await t.ctx.db.transaction((tx) => cache.changedIn(tx, 'rules'));
    release();
    expect(await slow).toBe('old');
    expect(await cache.get('rules', async () => 'new')).toBe('new');
  });

  it('reads again once an entry is older than its maximum age', async () => {
    let now = 0;
    const cache = new SharedCache(30_000, () => now);
    const c = counter();
    await cache.get('settings', c.load);
    now = 29_999;
    expect(await cache.get('settings', c.load)).toBe(1);
    now = 30_000;
    expect(await cache.get('settings', c.load)).toBe(2);
  });
});
