import type { BacklogGate } from './backlog-gate';
import type { Clock } from './clock';
import type { Config } from './config';
import type { Database, Db } from './db';
import type { EventBus } from './events';
import type { JobRunner } from './jobs';
import type { Logger } from './logger';
import type { Metrics } from './metrics';
import type { RecentLogs } from './recent-logs';
import type { SharedCache } from './shared-cache';

// What every service needs; modules extend it with their own ports.
export interface CoreContext {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: Logger;
  jobs: JobRunner;
  /** New tickets pass it: they wait while the job runners are behind on earlier tickets' follow-ups. */
  intakeGate: BacklogGate;
  events: EventBus;
  metrics: Metrics;
  /** This process's latest warnings and errors (for the admin panel). */
  recentLogs: RecentLogs;
  /** Queues, SLA policies, rules and settings read per ticket, dropped in every process when they change. */
  cache: SharedCache;
}
