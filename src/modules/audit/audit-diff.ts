// What an admin write changed, for the audit log: the fields whose values differ between the
// record before and after, with secrets masked. A secret's key is kept (the log says a password
// or token changed) but never its value.

const SECRET_KEY = /pass(word)?|secret|token|hash|credential|api_?key/i;
export const MASKED = '[masked]';

export type AuditRecord = Record<string, unknown>;

export interface AuditDiff {
  /** Changed fields: `{ old, new }` each; on create only `new`, on delete only `old`. */
  changes: Record<string, { old?: unknown; new?: unknown }>;
}

// The target id and timestamps are on the audit row itself.
const BOOKKEEPING = new Set(['id', 'created_at', 'updated_at', 'createdAt', 'updatedAt']);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Replaces the values of secret keys, at any depth, by MASKED (null and empty stay as they are). */
export function maskSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSecrets);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(
    Object.entries(value as AuditRecord).map(([k, v]) => [k, SECRET_KEY.test(k) && v !== null && v !== undefined && v !== '' ? MASKED : maskSecrets(v)]),
  );
}

/** The fields that differ between `before` and `after` (either may be null: a create or a delete), masked. */
export function auditDiff(before: AuditRecord | null, after: AuditRecord | null): AuditDiff {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: AuditDiff['changes'] = {};
  for (const key of keys) {
    if (BOOKKEEPING.has(key)) continue;
    const old = before?.[key];
    const now = after?.[key];
    if (before && after && same(old, now)) continue;
    const secret = SECRET_KEY.test(key);
    const shown = (v: unknown) => (secret && v !== null && v !== undefined && v !== '' ? MASKED : maskSecrets(v));
    changes[key] = { ...(before ? { old: shown(old) } : {}), ...(after ? { new: shown(now) } : {}) };
  }
  return { changes };
}
