import { multistream, pino, stdSerializers, type Logger, type LevelWithSilent } from 'pino';
import type { RecentLogs } from './recent-logs';

export type { Logger };

// Secrets that can hide inside an error's text: a failed SQL statement lists its parameters (a
// password hash, addresses), a connection error its URL with the password.
const SCRUBS: [RegExp, string][] = [
  [/(\n\s*params: )[^\n]*/g, '$1[redacted]'],
  // PostgreSQL quotes the offending value: `invalid input syntax for type uuid: "…"`, `Key (email)=(…) already exists`.
  [/(invalid input (?:syntax|value) for [^:]+: )"[^"]*"/g, '$1"[redacted]"'],
  [/(Key \([^)]*\)=\()[^)]*\)/g, '$1[redacted])'],
  [/\$argon2(?:id|i|d)\$[^\s,'"]+/g, '[redacted hash]'],
  [/\b([a-z][a-z0-9+.-]*:\/\/)([^:@/\s]+):([^@/\s]+)@/gi, '$1$2:[redacted]@'],
  [/\b(password|passwd|secret|token|api[_-]?key)(["']?\s*[:=]\s*["']?)[^\s,'"&]+/gi, '$1$2[redacted]'],
  [/\b(Bearer\s+)[\w.~+/-]+=*/g, '$1[redacted]'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]'],
];

/** The text with every secret pattern above replaced: for log lines and what the admin panel shows of them. */
export function scrubSecrets(text: string): string {
  return SCRUBS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

const LEVEL_VALUES: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/**
 * JSON logs to stdout at `level`; with `recent`, warnings and errors are also kept in memory for the
 * admin panel, even when stdout is quieter (or silent).
 */
export function createLogger(level: string, recent?: RecentLogs): Logger {
  const options = {
    base: { service: 'clara' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        'password',
        '*.password',
        'passwordHash',
        '*.passwordHash',
        'token',
        '*.token',
        'secret',
        '*.secret',
      ],
      censor: '[redacted]',
    },
    // Errors are logged with their message, stack and causes: scrubbed of secrets first.
    serializers: { err: (err: Error) => scrubDeep(stdSerializers.err(err)) },
  };
  if (!recent) return pino({ ...options, level });
  const streams: { level: LevelWithSilent; stream: { write(line: string): void } }[] = [{ level: 'warn', stream: recent }];
  if (level !== 'silent') streams.push({ level: level as LevelWithSilent, stream: process.stdout });
  const lowest = (LEVEL_VALUES[level] ?? 30) < LEVEL_VALUES.warn! ? level : 'warn';
  return pino({ ...options, level: lowest }, multistream(streams));
}
