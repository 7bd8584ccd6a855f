// @ts-check
// Which statements the embedded database's thread keeps prepared (pglite-worker.mjs). PostgreSQL connections
// keep none: named statements there measured slower (bench/README.md, sixth round).

/** Prepared statements the thread keeps; the least recently used one is closed past this. */
export const PREPARED_LIMIT = 500;

// Only plain data statements are kept: utility statements (vacuum, analyze, listen) run once in a while. Full-text
// searches are not: how to run one depends on its words (a rare word from its index, a common one by walking the
// sort order), and the one plan PostgreSQL settles on for a kept statement made the knowledge-base search slower.
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;
const PLANNED_PER_VALUE = /tsquery/i;

/** @param {string} text */
export function keepsPrepared(text) {
  return DATA_STATEMENT.test(text) && !PLANNED_PER_VALUE.test(text);
}

/** A kept statement whose table changed shape under it ("cached plan must not change result type"). @param {unknown} err */
export function isStalePlan(err) {
  const e = /** @type {{ code?: string; message?: string } | null} */ (err);
  return e?.code === '0A000' && /cached plan/.test(e.message ?? '');
}
