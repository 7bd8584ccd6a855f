import { BacklogGate } from './core/backlog-gate';
import { systemClock, type Clock } from './core/clock';
import type { Config } from './core/config';
import { openDatabase, type Database } from './core/db';
import { EventBus } from './core/events';
import { JobRunner } from './core/jobs';
import { createLogger, type Logger } from './core/logger';
import { createMetrics } from './core/metrics';
import { RecentLogs } from './core/recent-logs';
import { SharedCache } from './core/shared-cache';
import { ActiveClassifier, registerClassifyJobs, subscribeAutoRetrain, type ClassifyContext } from './modules/classify';
import { findQueues } from './modules/queues';
import { kbCategoryEvidence, KbRuntime, registerKbJobs, subscribeAutoAnswer, type KbContext } from './modules/kb';
import { createTicketMailer, EmailRuntime, registerEmailJobs, type EmailContext } from './modules/email';
import { registerMeetingJobs } from './modules/meetings';
import { registerAttachmentJobs, registerFollowUpJobs, type TicketsContext } from './modules/tickets';
import { seedEscalationRules, subscribeAutoAssign, subscribeEscalations } from './modules/escalation';
import { subscribeNotifications } from './modules/notifications';
import { subscribeDrafts } from './modules/drafts';
import { subscribeSessionRevocation } from './modules/auth';
import { createSlaEngine, registerSlaJobs } from './modules/sla';
import { registerTaskJobs } from './modules/tasks';
import { registerVoiceJobs, VoiceRuntime, type VoiceContext } from './modules/voice';

export type AppContext = TicketsContext & ClassifyContext & KbContext & EmailContext & VoiceContext;

export interface ContextOptions {
  config: Config;
  database?: Database;
  clock?: Clock;
  log?: Logger;
}

// Wires the process-wide parts once: the database is opened here and nowhere else.
export async function createContext(opts: ContextOptions): Promise<AppContext> {
  const { config } = opts;
  const recentLogs = new RecentLogs();
  const log = opts.log ?? createLogger(config.LOG_LEVEL, recentLogs);
  const clock = opts.clock ?? systemClock;
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.CLARA_DATA_DIR }));
  const jobs = new JobRunner(
    database.db,
    clock,
    log.child({ part: 'jobs' }),
    config.CLARA_JOB_POLL_MS,
    config.CLARA_JOB_RETENTION_DAYS * 24 * 60 * 60_000,
    config.CLARA_JOB_CONCURRENCY,
  );
  // On PostgreSQL other processes may run the jobs this one enqueues (and the other way round).
  if (database.driver === 'postgres') jobs.shareWakeups(database.listen);
  const intakeGate = new BacklogGate(() => jobs.lagMs(), {
    maxLagMs: config.CLARA_INTAKE_MAX_LAG_MS,
    maxWaitMs: config.CLARA_INTAKE_MAX_WAIT_MS,
  });
  const base = {
    config,
    database,
    db: database.db,
    clock,
    log,
    jobs,
    intakeGate,
    events: new EventBus(log.child({ part: 'events' })),
    metrics: createMetrics(),
    recentLogs,
    cache: new SharedCache(),
  };
  const ctx: AppContext = {
    ...base,
    classifier: new ActiveClassifier(base),
    sla: createSlaEngine(base.cache),
    kb: new KbRuntime(base),
    mail: createTicketMailer(base),
    email: new EmailRuntime(base),
    voice: new VoiceRuntime(base),
  };
  // The classifier learned other companies' words; the team's own articles and queue descriptions say what its tickets are about.
  ctx.classifier.useCategoryEvidence(async (text) => (await kbCategoryEvidence(ctx, text))?.probabilities ?? null);
  ctx.classifier.useQueueDescriptions(() => findQueues(ctx.db));
  ctx.events.on('queue.changed', () => ctx.classifier.changed());
  await ctx.classifier.followChanges(database.listen);
  await ctx.cache.followChanges(database.listen);
  registerClassifyJobs(ctx);
  registerAttachmentJobs(ctx);
  registerFollowUpJobs(ctx);
  registerKbJobs(ctx);
  registerEmailJobs(ctx);
  registerMeetingJobs(ctx);
  registerSlaJobs(ctx);
  registerTaskJobs(ctx);
  registerVoiceJobs(ctx);
  await seedEscalationRules(ctx);
  // Listener order matters: escalation sees a new ticket before Clara may auto-answer it, and
  // auto-assignment comes last so a ticket resolved from the knowledge base is not handed out.
  subscribeEscalations(ctx);
  subscribeAutoAnswer(ctx);
  subscribeAutoAssign(ctx);
  subscribeAutoRetrain(ctx);
  subscribeNotifications(ctx);
  subscribeSessionRevocation(ctx);
  subscribeDrafts(ctx);
  // The embedding model may take a while (or fail): retrieval runs full-text until it is ready.
  ctx.kb.start().catch((err: unknown) => log.error({ err }, 'knowledge-base start failed'));
  ctx.voice.start().catch((err: unknown) => log.error({ err }, 'voice engines failed to start'));
  return ctx;
}
