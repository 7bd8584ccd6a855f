import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

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

async function openPglite(dataDir: string, template?: Blob): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { vector }, ...(template ? { loadDataDir: template } : {}) });
  await client.exec('create extension if not exists vector');
  const db = drizzle(client) as unknown as Db;
  const migrate = async () => {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
  };
  const dumpDataDir = () => client.dumpDataDir('none');
  // PGlite runs every statement on its one connection, so the dump sees one committed state.
  const backup = () => client.dumpDataDir('gzip');
  return { db, driver: 'pglite', vector: true, migrate, close: () => client.close(), dumpDataDir, backup };
}

async function openPostgres(url: string): Promise<Database> {
  const pg = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.default.Pool({ connectionString: url, max: 10 });
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
  return { db, driver: 'postgres', vector, migrate, close: () => pool.end() };
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
  mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { vector }, loadDataDir: backup });
  await client.close();
}
