import { sql } from 'drizzle-orm';
import type { Logger } from './logger';
import { queryRows, type Database } from './db';

// PostgreSQL's autovacuum daemon keeps planner statistics fresh and clears dead rows. PGlite runs
// PostgreSQL as one single-user backend, so nothing ever does; a PostgreSQL server may have it switched
// off. Without statistics the planner takes every table for empty: the open-ticket list joined and
// sorted every open ticket (37 ms with 1,500 tickets on PGlite, 5 ms after ANALYZE), and the job
// table's dead rows pile up. Then this pass does autovacuum's job with its default thresholds: analyze
// a table once 50 + 10 % of its rows changed (or it was never analyzed), vacuum it once 50 + 20 % of
// its rows are dead.
const ANALYZE_BASE = 50;
const ANALYZE_SCALE = 0.1;
const VACUUM_BASE = 50;
const VACUUM_SCALE = 0.2;
export const MAINTENANCE_EVERY_MS = 60_000;

interface TableStats {
  relname: string;
  reltuples: number;
  n_dead_tup: number;
  n_mod_since_analyze: number;
}

export interface MaintenanceResult {
  analyzed: string[];
  vacuumed: string[];
  failed: string[];
}

async function tableStats(database: Pick<Database, 'db' | 'driver'>): Promise<TableStats[]> {
  const { db } = database;
  // Counters reach the statistics views only when a backend flushes them, which PGlite's one idle
  // backend may put off; ask for the flush, then read.
  if (database.driver === 'pglite') {
    await queryRows(db, sql`select pg_stat_force_next_flush()`);
    await queryRows(db, sql`select 1`);
  }
  return queryRows<TableStats>(
    db,
    sql`select s.relname, c.reltuples::float8 as reltuples, s.n_dead_tup::int as n_dead_tup, s.n_mod_since_analyze::int as n_mod_since_analyze
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = 'public'`,
  );
}

/**
 * One pass over the tables: analyzes and vacuums those autovacuum would. A table that fails (two
 * processes analyzing one table at once: "tuple concurrently updated") is left for the next pass.
 */
export async function maintainTables(database: Pick<Database, 'db' | 'driver'>): Promise<MaintenanceResult> {
  const { db } = database;
  const result: MaintenanceResult = { analyzed: [], vacuumed: [], failed: [] };
  for (const t of await tableStats(database)) {
    const rows = Math.max(t.reltuples, 0);
    const vacuum = t.n_dead_tup > VACUUM_BASE + VACUUM_SCALE * rows;
    const analyze = t.reltuples < 0 || t.n_mod_since_analyze > ANALYZE_BASE + ANALYZE_SCALE * rows;
    if (!vacuum && !analyze) continue;
    const table = sql.identifier(t.relname);
    try {
      await queryRows(db, vacuum ? sql`vacuum (analyze) ${table}` : sql`analyze ${table}`);
    } catch {
      result.failed.push(t.relname);
      continue;
    }
    if (vacuum) result.vacuumed.push(t.relname);
    result.analyzed.push(t.relname);
  }
  return result;
}

/** Whether Clara must keep its own tables: always on PGlite, on PostgreSQL when autovacuum is off. */
export async function needsOwnMaintenance(database: Pick<Database, 'db' | 'driver'>): Promise<boolean> {
  if (database.driver === 'pglite') return true;
  const [row] = await queryRows<{ autovacuum: string }>(database.db, sql`select current_setting('autovacuum') as autovacuum`);
  return row?.autovacuum === 'off';
}

/**
 * Runs the pass now and every minute where nothing else keeps the tables (`needsOwnMaintenance`);
 * returns the stop function, which waits for a pass under way.
 */
export async function startTableMaintenance(database: Database, log: Logger): Promise<() => Promise<void>> {
  if (!(await needsOwnMaintenance(database))) return async () => undefined;
  if (database.driver === 'postgres') log.warn('autovacuum is off on this PostgreSQL server: Clara analyzes and vacuums its own tables');
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= maintainTables(database)
      .then((r) => {
        if (r.analyzed.length > 0 || r.failed.length > 0) log.debug(r, 'tables analyzed and vacuumed');
      })
      .catch((err: unknown) => log.warn({ err }, 'table maintenance failed'))
      .finally(() => {
        running = null;
      });
  };
  pass();
  const timer = setInterval(pass, MAINTENANCE_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
