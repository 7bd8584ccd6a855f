// @ts-check
// The embedded database on its own thread (see pglite-thread.ts): the request thread sends statements
// here and keeps serving HTTP while PostgreSQL-in-WebAssembly runs them on the other core.
// Plain JavaScript so that it starts the same under tsx, vitest and node.
import { parentPort } from 'node:worker_threads';
import { PGlite, parse as results, protocol } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
/** @type {PGlite | undefined} */
let db;
/** @type {Map<number, import('@electric-sql/pglite').Transaction>} */
const transactions = new Map();
/** @type {Map<number, (commit: boolean) => void>} */
const enders = new Map();
/** Each open or asked-for transaction's start: its statements wait for it, and fail with it.
 * @type {Map<number, Promise<unknown>>} */
const starts = new Map();
/** Each transaction's work in the order it was sent: the request thread may send a statement before the
 * answer to the one before it, and PGlite runs one statement of a transaction at a time.
 * @type {Map<number, Promise<unknown>>} */
const lanes = new Map();
/** @type {Map<string, () => Promise<void>>} */
const listening = new Map();
const ROLLBACK = Symbol('rollback');

// Statement timings for `npm run bench -- --only profile` (CLARA_SQL_TIMINGS=<file>): each statement's time on
// this thread, from when it could start (its arrival, or the end of the statement before it) to its end, so
// a statement's wait for another's transaction is left out. Summed by statement text; counting starts afresh
// when <file>.reset appears, and the sums are written to <file> (JSON) when the database closes.
const TIMINGS_FILE = process.env.CLARA_SQL_TIMINGS;
/** @type {Map<string, { count: number; ms: number }>} */
const timings = new Map();
let lastEnd = 0;
if (TIMINGS_FILE) {
  const { existsSync, rmSync } = await import('node:fs');
  setInterval(() => {
    if (!existsSync(`${TIMINGS_FILE}.reset`)) return;
    rmSync(`${TIMINGS_FILE}.reset`);
    timings.clear();
  }, 200).unref();
}

/**
 * @template T
 * @param {string} statement
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
async function timed(statement, work) {
  const arrived = performance.now();
  try {
    return await work();
  } finally {
    const ended = performance.now();
    const key = statement.replace(/\s+/g, ' ').trim().slice(0, 120);
    const sum = timings.get(key) ?? { count: 0, ms: 0 };
    sum.count += 1;
    sum.ms += ended - Math.max(arrived, lastEnd);
    timings.set(key, sum);
    lastEnd = ended;
  }
}

// Prepared statements: each statement text is parsed (and, once PostgreSQL settles on a generic plan, planned)
// once under a name, then only bound and executed. PGlite's own query() parses, describes and plans every
// statement afresh; Clara's statements repeat (the same few dozen per ticket), and parsing and planning were a
// large part of each one's time. This follows PGlite's query() step for step with its public protocol API.
// (PostgreSQL connections keep none: named statements there measured no faster; bench/README.md, sixth round.)
const PREPARED_LIMIT = 500;
// Only plain data statements are kept: utility statements (vacuum, analyze, listen) run once in a while. Full-text
// searches are not: how to run one depends on its words (a rare word from its index, a common one by walking the
// sort order), and the one plan PostgreSQL settles on for a kept statement made the knowledge-base search slower.
const KEPT = /^\s*(select|insert|update|delete|with)\b/i;
const PLANNED_PER_VALUE = /tsquery/i;

/** @param {string} text */
function keepsPrepared(text) {
  return KEPT.test(text) && !PLANNED_PER_VALUE.test(text);
}

/** A kept statement whose table changed shape under it ("cached plan must not change result type"). @param {unknown} err */
function isStalePlan(err) {
  const e = /** @type {{ code?: string; message?: string } | null} */ (err);
  return e?.code === '0A000' && /cached plan/.test(e.message ?? '');
}

/** @type {Map<string, { name: string; types: number[] }>} statement text → its name and parameter types, least recently used first */
const prepared = new Map();
/** Names evicted from `prepared`, closed before the next statement. @type {string[]} */
const evicted = [];
let preparedCount = 0;

/**
 * @param {PGlite} pg
 * @param {string} text
 * @param {unknown[]} params
 * @param {import('@electric-sql/pglite').QueryOptions} opts
 */
function runPrepared(pg, text, params, opts) {
  const { serialize } = protocol;
  /** @param {Uint8Array} message */
  const send = (message) => pg.execProtocolStream(message, { syncToFs: false });
  return pg.runExclusive(async () => {
    /** @type {import('@electric-sql/pglite').messages.BackendMessage[]} */
    const replies = [];
    let statement = prepared.get(text);
    try {
      for (const name of evicted.splice(0)) replies.push(...(await send(serialize.close({ type: 'S', name }))));
      if (statement) {
        prepared.delete(text);
        prepared.set(text, statement);
      } else {
        const name = `clara_${(preparedCount += 1)}`;
        await send(serialize.parse({ name, text }));
        statement = { name, types: results.parseDescribeStatementResults(await send(serialize.describe({ type: 'S', name }))) };
        prepared.set(text, statement);
        if (prepared.size > PREPARED_LIMIT) {
          const [oldest, { name: old }] = /** @type {[string, { name: string }]} */ (prepared.entries().next().value);
          prepared.delete(oldest);
          evicted.push(old);
        }
      }
      const types = statement.types;
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = pg.serializers[/** @type {number} */ (types[i])];
        return serializer ? serializer(value) : String(value);
      });
      replies.push(
        ...(await send(serialize.bind({ statement: statement.name, values }))),
        ...(await send(serialize.describe({ type: 'P' }))),
        ...(await send(serialize.execute({}))),
      );
    } catch (err) {
      // A table changed under a kept statement ("cached plan must not change result type"): parse it afresh next time.
      if (statement && isStalePlan(err)) {
        prepared.delete(text);
        evicted.push(statement.name);
      }
      throw err;
    } finally {
      replies.push(...(await send(serialize.sync())));
    }
    return /** @type {import('@electric-sql/pglite').Results} */ (results.parseResults(replies, pg.parsers, opts)[0]);
  });
}

/**
 * One statement, as PGlite's query() would run it: outside a transaction it waits for any open one.
 * @param {number | undefined} tx
 * @param {string} text
 * @param {unknown[]} params
 * @param {import('@electric-sql/pglite').QueryOptions} opts
 */
async function statement(tx, text, params, opts) {
  const pg = /** @type {PGlite} */ (db);
  if (!keepsPrepared(text)) {
    if (tx === undefined) return pg.query(text, params, opts);
    return /** @type {import('@electric-sql/pglite').Transaction} */ (transactions.get(tx)).query(text, params, opts);
  }
  if (tx !== undefined) return runPrepared(pg, text, params, opts);
  /** @returns {Promise<import('@electric-sql/pglite').Results>} */
  // @ts-expect-error PGlite's lock for transactions, which its own query() takes the same way
  const run = () => pg._runExclusiveTransaction(() => runPrepared(pg, text, params, opts));
  try {
    return await run();
  } catch (err) {
    // Outside a transaction a statement whose kept form went stale is simply parsed again (in one, it failed the transaction).
    if (!isStalePlan(err)) throw err;
    return await run();
  } finally {
    await pg.syncToFs();
  }
}

// Drizzle keeps dates, intervals and numeric arrays as text: its parsers are identities, sent as type ids.
// PGlite copies its whole parser table (hundreds of types) into every query that brings parsers of its own,
// so Drizzle's set is made the table's default once, and only a query asking for something else brings any.
const DRIZZLE_RAW_TYPES = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182];
/** @type {Record<number, (v: string, typeId: number) => unknown>} */
const ownParsers = {};

/** @param {PGlite} pg */
function keepDrizzleTypesAsText(pg) {
  for (const oid of DRIZZLE_RAW_TYPES) {
    ownParsers[oid] = pg.parsers[oid] ?? ((v) => v);
    pg.parsers[oid] = (v) => v;
  }
}

/** @param {number[] | undefined} rawTypes @param {'array' | 'object' | undefined} rowMode */
function options(rawTypes, rowMode) {
  const raw = new Set(rawTypes ?? []);
  if (raw.size === DRIZZLE_RAW_TYPES.length && DRIZZLE_RAW_TYPES.every((oid) => raw.has(oid))) return { rowMode };
  /** @type {Record<number, (v: string, typeId: number) => unknown>} */
  const parsers = {};
  for (const oid of DRIZZLE_RAW_TYPES) if (!raw.has(oid)) parsers[oid] = /** @type {(v: string, typeId: number) => unknown} */ (ownParsers[oid]);
  for (const oid of raw) parsers[oid] = (v) => v;
  return { rowMode, parsers };
}

/** @param {unknown} err */
function plainError(err) {
  const e = /** @type {Record<string, unknown>} */ (err instanceof Object ? err : { message: String(err) });
  /** @type {Record<string, unknown>} */
  const out = { name: e.name, message: e.message, stack: e.stack };
  for (const [key, value] of Object.entries(e)) {
    if (key === 'query' || key === 'params' || typeof value === 'function' || (typeof value === 'object' && value !== null)) continue;
    out[key] = value;
  }
  return out;
}

/** @param {Blob} blob */
async function bytes(blob) {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * @template T
 * @param {number} tx
 * @param {(open: import('@electric-sql/pglite').Transaction) => Promise<T>} work
 * @returns {Promise<T>}
 */
function inTransaction(tx, work) {
  const run = (lanes.get(tx) ?? Promise.resolve()).then(async () => {
    await starts.get(tx);
    const open = transactions.get(tx);
    if (!open) throw new Error(`transaction ${tx} is not open`);
    return await work(open);
  });
  lanes.set(tx, run.then(noop, noop));
  return run;
}

function noop() {}

/** @param {any} msg */
async function handle(msg) {
  switch (msg.op) {
    case 'open': {
      const loadDataDir = msg.template ? new Blob([msg.template]) : undefined;
      db = await PGlite.create(msg.dataDir, { extensions: { vector, pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
      await db.exec('create extension if not exists vector');
      keepDrizzleTypesAsText(db);
      return null;
    }
    case 'query': {
      const run = async () => {
        const query = () => statement(msg.tx, msg.sql, msg.params ?? [], options(msg.rawTypes, msg.rowMode));
        const r = TIMINGS_FILE ? await timed(msg.sql, query) : await query();
        // Drizzle maps array rows by its own selection: their column list would only be copied across.
        return { rows: r.rows, fields: msg.rowMode === 'array' ? [] : r.fields, affectedRows: r.affectedRows };
      };
      return msg.tx === undefined ? await run() : await inTransaction(msg.tx, run);
    }
    case 'begin': {
      const started = begin(msg.tx);
      starts.set(msg.tx, started);
      lanes.set(msg.tx, started.then(noop, noop));
      return await started;
    }
    case 'end': {
      try {
        return await inTransaction(msg.tx, () => {
          const end = enders.get(msg.tx);
          if (!end) throw new Error(`transaction ${msg.tx} is not open`);
          return TIMINGS_FILE ? timed(msg.commit ? 'commit' : 'rollback', () => end(msg.commit)) : end(msg.commit);
        });
      } finally {
        starts.delete(msg.tx);
        lanes.delete(msg.tx);
      }
    }
    case 'listen': {
      if (!listening.has(msg.channel)) {
        listening.set(msg.channel, await /** @type {PGlite} */ (db).listen(msg.channel, (payload) => port.postMessage({ notify: msg.channel, payload })));
      }
      return null;
    }
    case 'unlisten': {
      await listening.get(msg.channel)?.();
      listening.delete(msg.channel);
      return null;
    }
    case 'dump': {
      const data = await bytes(await /** @type {PGlite} */ (db).dumpDataDir(msg.compression));
      return data;
    }
    case 'close':
      if (TIMINGS_FILE) (await import('node:fs')).writeFileSync(TIMINGS_FILE, JSON.stringify(Object.fromEntries(timings)));
      await db?.close();
      db = undefined;
      return null;
    default:
      throw new Error(`unknown operation ${msg.op}`);
  }
}

// A transaction holds the database (as it does in one thread): its statements arrive with its id, everything
// else waits in PGlite's queue until `end` commits or rolls it back. The request thread picks the id.
/** @param {number} id */
function begin(id) {
  return new Promise((started, failedToStart) => {
    /** @type {Promise<void> | undefined} */
    let done;
    /** @type {(commit: boolean) => Promise<null>} */
    const end = (commit) => {
      enders.delete(id);
      finish(commit);
      return /** @type {Promise<void>} */ (done).then(() => null);
    };
    /** @type {(commit: boolean) => void} */
    let finish = () => undefined;
    done = /** @type {PGlite} */ (db)
      .transaction(async (tx) => {
        transactions.set(id, tx);
        enders.set(id, end);
        const commit = await new Promise((resolve) => {
          finish = resolve;
          started(id);
        });
        if (!commit) throw ROLLBACK;
      })
      .catch((err) => {
        if (err !== ROLLBACK) throw err;
      })
      .finally(() => transactions.delete(id));
    done.catch(failedToStart);
  });
}

port.on('message', (msg) => {
  handle(msg).then(
    (result) => port.postMessage({ id: msg.id, ok: true, result }, result instanceof Uint8Array ? [result.buffer] : []),
    (err) => port.postMessage({ id: msg.id, ok: false, error: plainError(err) }),
  );
});
