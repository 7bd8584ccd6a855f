import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type AppContext } from '../../context';
import { openDatabase, queryRows } from '../../core/db';
import { buildRawMail } from '../../testing/mail-client';
import { testConfig } from '../../testing/test-app';
import { bootstrap } from '../setup';
import { storeRawEmail } from './inbound-store.service';

// Two processes need one database, so this test always runs on PostgreSQL (a fresh database).
const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WORKER = fileURLToPath(new URL('../../testing/email-worker.ts', import.meta.url));
const MAILS = 40;

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: BASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
const reachable = await postgresReachable();

async function admin(query: string) {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  await client.query(query);
  await client.end();
}

const name = `clara_crash_${randomBytes(6).toString('hex')}`;
const url = Object.assign(new URL(BASE_URL), { pathname: `/${name}` }).toString();
let ctx: AppContext;

function startWorker(clockOffsetMs = 0): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, DATABASE_URL: url, CLARA_TEST_CLOCK_OFFSET_MS: String(clockOffsetMs) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function count(query: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(ctx.db, sql.raw(query));
  return Number(row!.n);
}
const processed = () => count(`select count(*)::int as n from inbound_emails where status = 'processed'`);

describe.skipIf(!reachable)('a worker killed in the middle of a batch', () => {
  beforeAll(async () => {
    await admin(`create database ${name}`);
    const database = await openDatabase({ databaseUrl: url, dataDir: '' });
    ctx = await createContext({ config: testConfig({ DATABASE_URL: url }), database });
    await bootstrap(ctx);
    for (let i = 0; i < MAILS; i += 1) {
      const raw = await buildRawMail({ from: `crash${i}@example.com`, to: 'support@clara.local', subject: `Problem ${i}`, text: `Details of problem ${i}.` });
      await storeRawEmail(ctx, raw, 'smtp');
    }
  });
  afterAll(async () => {
    await ctx?.database.close();
    if (reachable) await admin(`drop database if exists ${name} with (force)`);
  });

  it('loses nothing and duplicates nothing after restarts', async () => {
    // First, deterministically, the narrowest window: the ticket is committed but the mail is not yet
    // marked processed. A lock on the mail's row holds the worker right there while it is killed.
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('begin');
    await holder.query(`select 1 from inbound_emails where from_address = 'crash0@example.com' for update`);
    const held = startWorker();
    const heldExit = new Promise((r) => held.once('exit', r));
    const deadline = Date.now() + 60_000;
    while ((await count(`select count(*)::int as n from tickets where subject = 'Problem 0'`)) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    held.kill('SIGKILL');
    await heldExit;
    await holder.query('rollback');
    await holder.end();
    expect(await processed()).toBe(0);
    expect(await count(`select count(*)::int as n from tickets where subject = 'Problem 0'`)).toBe(1);

    // Then killed three times at different points of the batch; each restart comes after the
    // stale-lock window (a later clock), so the job a killed worker held is handed over.
    for (const [round, killAt] of [5, 15, 25].entries()) {
      const worker = startWorker((round + 1) * 11 * 60_000);
      const exited = new Promise((r) => worker.once('exit', r));
      const until = Date.now() + 60_000;
      while ((await processed()) < killAt && Date.now() < until && worker.exitCode === null) await new Promise((r) => setTimeout(r, 5));
      worker.kill('SIGKILL');
      await exited;
      expect(await processed()).toBeGreaterThanOrEqual(killAt);
      expect(await processed()).toBeLessThan(MAILS);
    }

    const last = startWorker(4 * 11 * 60_000);
    let stderr = '';
    last.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((r) => last.once('exit', r));
    expect(stderr).toBe('');
    expect(code).toBe(0);

    expect(await count(`select count(*)::int as n from inbound_emails where status = 'processed'`)).toBe(MAILS);
    expect(await count(`select count(*)::int as n from tickets where channel = 'email'`)).toBe(MAILS);
    expect(await count(`select count(*)::int as n from ticket_messages`)).toBe(MAILS);
    expect(await count(`select count(distinct ticket_message_id)::int as n from inbound_emails`)).toBe(MAILS);
    expect(await count(`select count(*)::int as n from outbox where kind = 'acknowledgment'`)).toBe(MAILS);
    expect(await count(`select count(*)::int as n from jobs where status = 'dead'`)).toBe(0);
  }, 120_000);
});
