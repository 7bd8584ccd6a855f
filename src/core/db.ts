import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { PgliteThread } from './pglite-thread';

export type Db = PgDatabase<PgQueryResultHKT>;
export type DbDriver = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  driver: DbDriver;
  vector: boolean;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database's data directory as a tarball (PGlite only): a template to open copies from. */
  dumpDataDir?(): Promise<Blob>;
  /** A consistent gzipped copy of the embedded database while it runs (PGlite only; PostgreSQL has pg_dump). */
  backup?(): Promise<Blob>;
  /**
   * Calls `fn` for every NOTIFY on `channel` from any process on this database (`notify` below), after
   * the notifying transaction commits. Returns the unsubscribe function.
   */
  listen(channel: NotifyChannel, fn: (payload: string) => void): Promise<() => Promise<void>>;
}

/** The channels Clara's processes tell each other things on. */
export type NotifyChannel = 'clara_jobs' | 'clara_cache';

/** Tells every process listening on `channel` (this one included), when `exec`'s transaction commits. */
export async function notify(exec: Db, channel: NotifyChannel, payload = ''): Promise<void> {
  await exec.execute(sql`select pg_notify(${channel}, ${payload})`);
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../drizzle', import.meta.url));
const MIGRATION_LOCK_ID = 727_072;

export interface OpenOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; 'memory://' keeps it in memory (tests). */
  dataDir: string;
  migrate?: boolean;
  /** PGlite: start from this dumped data directory (`dumpDataDir`) instead of an empty one. */
  template?: Blob;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  const database = opts.databaseUrl ? await openPostgres(opts.databaseUrl) : await openPglite(opts.dataDir, opts.template);
  if (opts.migrate !== false) await database.migrate();
  return database;
}

const LOCK_FILE = 'clara.pid';

/**
 * The embedded database is one process's: a second process opening the same folder would corrupt
 * it. Each opener writes its pid into the folder and refuses a folder whose pid is still alive.
 */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  const holder = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : NaN;
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `Another Clara process (pid ${holder}) has the embedded database in ${dataDir} open. Stop it first, or for a backup while it runs use clara backup --url.`,
    );
  }
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? () => undefined : lockDataDir(dataDir);
  let client: PgliteThread;
  try {
    client = await PgliteThread.open(dataDir, template);
  } catch (err) {
    unlock();
    throw err;
  }
  const db = drizzle(client as never) as unknown as Db;
  const migrate = async () => {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(drizzle(client as never), { migrationsFolder: MIGRATIONS_DIR });
  };
  const dumpDataDir = () => client.dumpDataDir('none');
  // PGlite runs every statement on its one connection, so the dump sees one committed state.
  const backup = () => client.dumpDataDir('gzip');
  const listen = (channel: NotifyChannel, fn: (payload: string) => void) => client.listen(channel, fn);
  const close = async () => {
    await client.close();
    unlock();
  };
  return { db, driver: 'pglite', vector: true, migrate, close, dumpDataDir, backup, listen };
}

type PgClientClass = typeof import('pg').default.Client;

/**
 * Connections that run the statements they are handed one after another, in the order handed. A
 * transaction may send independent statements together (on the embedded database they then cost one
 * wait instead of several); pg would queue them itself, but warns that pg 9 stops doing so.
 */
function orderedClient(Client: PgClientClass): PgClientClass {
  return class OrderedClient extends Client {
    private tail: Promise<unknown> = Promise.resolve();

    override query(...args: unknown[]): never {
      const run = (): unknown => (super.query as (...a: unknown[]) => unknown).apply(this, args);
      const first = args[0] as { submit?: unknown } | null;
      // Callback and submittable forms (the pool's own queries) keep pg's handling.
      if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return run() as never;
      const result = this.tail.then(run);
      this.tail = result.then(noop, noop);
      return result as never; // pg's overloads: whatever the form asked for
    }
  } as PgClientClass;
}

function noop(): void {}

async function openPostgres(url: string): Promise<Database> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.default.Pool({ connectionString: url, max: 10, Client: orderedClient(pg.default.Client) });
  // An idle client losing its connection (server restart, database dropped) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', () => undefined);
  const db = drizzle(pool) as unknown as Db;
  const vector = await enableVectorIfAvailable(db);
  // Several Clara processes may start together: one migrates, the others wait on the lock.
  const migrate = async () => {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      await run(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
      client.release();
    }
  };
  const listener = new PostgresListener(url, pg.default.Client);
  return {
    db,
    driver: 'postgres',
    vector,
    migrate,
    listen: (channel, fn) => listener.listen(channel, fn),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

type PgClient = InstanceType<typeof import('pg').default.Client>;

// One connection per process holds the LISTENs (a pooled connection would drop them). When it breaks
// (a server restart), it reconnects and listens again; what was sent meanwhile is lost, so whoever
// relies on it also rereads now and then.
class PostgresListener {
  private client: PgClient | null = null;
  private connecting: Promise<PgClient> | null = null;
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly Client: typeof import('pg').default.Client,
  ) {}

  async listen(channel: NotifyChannel, fn: (payload: string) => void): Promise<() => Promise<void>> {
    const set = this.handlers.get(channel) ?? new Set();
    const first = set.size === 0;
    set.add(fn);
    this.handlers.set(channel, set);
    const client = await this.connect();
    if (first) await client.query(`listen ${channel}`);
    return async () => {
      set.delete(fn);
      if (set.size === 0 && this.client && !this.closed) await this.client.query(`unlisten ${channel}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<PgClient> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new this.Client({ connectionString: this.url });
      client.on('notification', (n) => {
        for (const fn of this.handlers.get(n.channel) ?? []) fn(n.payload ?? '');
      });
      client.on('error', () => this.reconnectSoon(client));
      client.on('end', () => this.reconnectSoon(client));
      await client.connect();
      for (const [channel, set] of this.handlers) if (set.size > 0) await client.query(`listen ${channel}`);
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private reconnectSoon(broken: PgClient): void {
    if (this.closed || this.client !== broken) return;
    this.client = null;
    this.retry();
  }

  private retry(): void {
    setTimeout(() => {
      if (!this.closed) this.connect().catch(() => this.retry());
    }, 1_000).unref();
  }
}

// Debian's PostgreSQL has no pgvector: Clara then runs with semantic search switched off.
async function enableVectorIfAvailable(db: Db): Promise<boolean> {
  const available = await queryRows(db, sql`select 1 from pg_available_extensions where name = 'vector'`);
  if (available.length === 0) return false;
  try {
    await db.execute(sql`create extension if not exists vector`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Statements of one transaction sent together (one wait on the database instead of one each), settled like
 * `Promise.all` but only once every one of them has: a branch that fails must not let the transaction end
 * while another branch still has statements to send, which on PostgreSQL would run after the rollback, outside
 * the transaction, on a connection back in the pool.
 */
export async function together<T extends readonly unknown[] | []>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = (await Promise.allSettled(work)) as PromiseSettledResult<unknown>[];
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

// Both drivers answer raw SQL with `{ rows }`; this gives it one type.
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Unpacks a backup (`GET /api/admin/backup`) into a new data directory for the embedded database.
 * Refuses a directory that already holds data, so a restore never overwrites an installation.
 */
export async function restoreDatabase(dataDir: string, backup: Blob): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`${dataDir} is not empty: restore into a new folder`);
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { vector, pg_trgm }, loadDataDir: backup });
  await client.close();
  // A copy of a running installation carries that process's lock; the restored folder is nobody's yet.
  rmSync(join(dataDir, LOCK_FILE), { force: true });
}
