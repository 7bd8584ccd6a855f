import { multistream, pino, type Logger, type LevelWithSilent } from 'pino';
import type { RecentLogs } from './recent-logs';

export type { Logger };

const LEVEL_VALUES: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };

/**
 * JSON logs to stdout at `level`; with `recent`, warnings and errors are also kept in memory for the
 * admin panel, even when stdout is quieter (or silent).
 */
export function createLogger(level: string, recent?: RecentLogs): Logger {
  const options = {
    base: { service: 'clara' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'password', '*.password', 'token', '*.token'],
      censor: '[redacted]',
    },
  };
  if (!recent) return pino({ ...options, level });
  const streams: { level: LevelWithSilent; stream: { write(line: string): void } }[] = [{ level: 'warn', stream: recent }];
  if (level !== 'silent') streams.push({ level: level as LevelWithSilent, stream: process.stdout });
  const lowest = (LEVEL_VALUES[level] ?? 30) < LEVEL_VALUES.warn! ? level : 'warn';
  return pino({ ...options, level: lowest }, multistream(streams));
}
