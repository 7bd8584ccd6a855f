import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../../context';
import { openDatabase } from '../../core/db';
import { testConfig } from '../../testing/test-app';
import { outbox } from '../email';
import { queues, slas } from '../queues';
import { tickets } from '../tickets';
import { users, verifyPassword, findUserByEmail } from '../users';
import { DEMO_STAFF, DEMO_TICKETS } from './demo-data';
import { bootstrap } from './setup.service';

const dir = mkdtempSync(join(tmpdir(), 'clara-setup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function startOnDisk(env: Record<string, string> = {}) {
  const config = testConfig({ CLARA_DATA_DIR: dir, CLARA_DEMO: true, CLARA_ADMIN_PASSWORD: undefined, ...env });
  const database = await openDatabase({ dataDir: dir });
  const ctx = await createContext({ config, database });
  await ctx.kb.start();
  const result = await bootstrap(ctx);
  return { ctx, result };
}

async function countOf(ctx: Awaited<ReturnType<typeof startOnDisk>>['ctx'], table: typeof tickets | typeof users | typeof queues | typeof slas | typeof outbox) {
  const [row] = await ctx.db.select({ n: count() }).from(table);
  return Number(row!.n);
}

describe('first start and restart on the embedded database', () => {
  it('creates defaults, an admin with a printed password and demo data, and keeps them across a restart', { timeout: 180_000 }, async () => {
    const first = await startOnDisk();
    expect(first.result.admin.created).toBe(true);
    const password = first.result.admin.generatedPassword!;
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(first.result.demoLoaded).toBe(true);
    expect(await countOf(first.ctx, queues)).toBe(4);
    expect(await countOf(first.ctx, slas)).toBe(4);
    const demoTickets = await countOf(first.ctx, tickets);
    expect(demoTickets).toBeGreaterThan(DEMO_TICKETS.length);
    expect(await countOf(first.ctx, users)).toBe(DEMO_STAFF.length + 1);
    // The demo's customers are made up: no acknowledgment or reply is queued for them.
    expect(await countOf(first.ctx, outbox)).toBe(0);
    const admin = await findUserByEmail(first.ctx.db, first.ctx.config.CLARA_ADMIN_EMAIL);
    expect(await verifyPassword(admin!.passwordHash, password)).toBe(true);
    await first.ctx.database.close();

    const second = await startOnDisk();
    expect(second.result.admin).toEqual({ email: first.result.admin.email, created: false });
    expect(second.result.demoLoaded).toBe(false);
    expect(await countOf(second.ctx, tickets)).toBe(demoTickets);
    expect(await countOf(second.ctx, users)).toBe(DEMO_STAFF.length + 1);
    await second.ctx.database.close();
  });
});

describe('configuration', () => {
  it('uses CLARA_ADMIN_PASSWORD when set and prints no password', async () => {
    const config = testConfig({ CLARA_ADMIN_EMAIL: 'boss@example.com', CLARA_ADMIN_PASSWORD: 'given-password-1' });
    const ctx = await createContext({ config, database: await openDatabase({ dataDir: 'memory://' }) });
    await ctx.kb.start();
    const { admin, demoLoaded } = await bootstrap(ctx);
    expect(admin).toEqual({ email: 'boss@example.com', created: true });
    expect(demoLoaded).toBe(false);
    expect(await verifyPassword((await findUserByEmail(ctx.db, 'boss@example.com'))!.passwordHash, 'given-password-1')).toBe(true);
    await ctx.database.close();
  });
});
