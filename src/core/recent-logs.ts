import { scrubSecrets } from './logger';

// The last warnings and errors of this process, kept in memory for the admin panel's
// "recent errors" view: no log shipping needed to see why something failed a minute ago.

export type RecentLevel = 'warn' | 'error' | 'fatal';

export interface RecentLogEntry {
  time: string;
  level: RecentLevel;
  msg: string;
  /** A few structured fields of the line (ids, job, route), never request bodies. */
  context: Record<string, string | number | boolean>;
  err: { type: string; message: string; stack: string | null } | null;
}

const LEVELS: Record<number, RecentLevel> = { 40: 'warn', 50: 'error', 60: 'fatal' };
const SKIP = new Set(['level', 'time', 'msg', 'err', 'pid', 'hostname', 'service', 'v']);
const MAX_CONTEXT = 12;

function pickContext(line: Record<string, unknown>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(line)) {
    if (SKIP.has(key) || Object.keys(out).length >= MAX_CONTEXT) continue;
    if (typeof value === 'string') out[key] = scrubSecrets(value.slice(0, 300));
    else if (typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}

/** A pino destination (`write(line)`) that keeps the newest `capacity` warn-or-worse lines. */
export class RecentLogs {
  private readonly entries: RecentLogEntry[] = [];

  constructor(private readonly capacity = 200) {}

  write(line: string): void {
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    const level = LEVELS[Number(parsed.level)];
    if (!level) return;
    const err = parsed.err as { type?: unknown; message?: unknown; stack?: unknown } | undefined;
    this.entries.push({
      time: new Date(typeof parsed.time === 'number' ? parsed.time : Date.now()).toISOString(),
      level,
      msg: scrubSecrets(String(parsed.msg ?? '')),
      context: pickContext(parsed),
      err: err ? { type: String(err.type ?? 'Error'), message: String(err.message ?? ''), stack: typeof err.stack === 'string' ? err.stack.slice(0, 4000) : null } : null,
    });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  /** Newest first; `minLevel: 'error'` leaves out warnings. */
  list(opts: { minLevel?: RecentLevel; limit?: number } = {}): RecentLogEntry[] {
    const order: RecentLevel[] = ['warn', 'error', 'fatal'];
    const min = order.indexOf(opts.minLevel ?? 'warn');
    return this.entries
      .filter((e) => order.indexOf(e.level) >= min)
      .reverse()
      .slice(0, opts.limit ?? this.capacity);
  }
}
