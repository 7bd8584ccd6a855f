import { sql } from 'drizzle-orm';
import type { Logger } from './logger';
import { queryRows, type Database, type Db } from './db';

// PostgreSQL's autovacuum daemon keeps planner statistics fresh and clears dead rows; PGlite runs
// PostgreSQL as one single-user backend, so nothing ever does. Without statistics the planner takes
// every table for empty: the open-ticket list joined and sorted every open ticket (37 ms with 1,500
// tickets, 5 ms after ANALYZE), and the job table's dead rows pile up. This pass does autovacuum's
// job with its default thresholds: analyze a table once 50 + 10 % of its rows changed (or it was never
// analyzed), vacuum it once 50 + 20 % of its rows are dead.
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
}

async function tableStats(db: Db): Promise<TableStats[]> {
  // Counters reach the statistics views only when the backend flushes them, which an idle single
  // backend may put off; ask for the flush, then read.
  await queryRows(db, sql`select pg_stat_force_next_flush()`);
  await queryRows(db, sql`select 1`);
  return queryRows<TableStats>(
    db,
    sql`select s.relname, c.reltuples::float8 as reltuples, s.n_dead_tup::int as n_dead_tup, s.n_mod_since_analyze::int as n_mod_since_analyze
        from pg_stat_user_tables s join pg_class c on c.oid = s.relid
        where s.schemaname = 'public'`,
  );
}

/** One pass over the tables: analyzes and vacuums those autovacuum would (PGlite has no autovacuum). */
export async function maintainEmbeddedDatabase(db: Db): Promise<MaintenanceResult> {
  const result: MaintenanceResult = { analyzed: [], vacuumed: [] };
  for (const t of await tableStats(db)) {
    const rows = Math.max(t.reltuples, 0);
    const vacuum = t.n_dead_tup > VACUUM_BASE + VACUUM_SCALE * rows;
    const analyze = t.reltuples < 0 || t.n_mod_since_analyze > ANALYZE_BASE + ANALYZE_SCALE * rows;
    if (!vacuum && !analyze) continue;
    const table = sql.identifier(t.relname);
    await queryRows(db, vacuum ? sql`vacuum (analyze) ${table}` : sql`analyze ${table}`);
    if (vacuum) result.vacuumed.push(t.relname);
    result.analyzed.push(t.relname);
  }
  return result;
}

/** Runs the pass now and then every minute while Clara runs on PGlite; returns the stop function. */
export function startEmbeddedMaintenance(database: Database, log: Logger): () => Promise<void> {
  if (database.driver !== 'pglite') return async () => undefined;
  let running: Promise<void> | null = null;
  const pass = () => {
    running ??= maintainEmbeddedDatabase(database.db)
      .then((r) => {
        if (r.analyzed.length > 0) log.debug(r, 'embedded database maintained');
      })
      .catch((err: unknown) => log.warn({ err }, 'embedded database maintenance failed'))
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
