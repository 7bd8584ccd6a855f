import { PROCESS_ID } from './process-id';
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ZodType } from 'zod';
import type { Clock } from './clock';
import { compiledInsert } from './compiled-insert';
import { notify, queryRows, type Database, type Db } from './db';
import { jobs } from './jobs.table';
import { scrubSecrets, type Logger } from './logger';

export interface JobDefinition<T> {
  name: string;
  schema: ZodType<T>;
  handler: (payload: T, job: { id: number; attempt: number }) => Promise<void>;
  maxAttempts?: number;
  /** First retry delay; doubles with every attempt. */
  backoffMs?: number;
}

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  /** While a job with this key is pending or running, enqueueing another is a no-op. */
  singletonKey?: string;
  /**
   * Enqueued only if this condition holds when the statement runs: a job for a row inserted just before
   * in the same transaction (and maybe skipped as a duplicate) goes out with that insert, not after it.
   */
  onlyIf?: SQL;
}

export interface JobSummary {
  id: number;
  name: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  runAt: Date | string;
  createdAt: Date | string;
}

interface ClaimedJob {
  id: number;
  name: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

// Built once: nearly every request that changes something queues a job.
const insertJobs = compiledInsert(jobs, (insert) => insert.onConflictDoNothing());
const STALE_LOCK_MS = 10 * 60_000;
const RELEASE_EVERY_MS = 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;

/**
 * The workers of one batch take jobs from here: the workers waiting at a moment share one claim
 * (as many jobs as there are of them, in one statement), which also records the jobs they just
 * finished. A claim that finds fewer jobs than wanted ends the batch; work committed meanwhile wakes
 * the runner for the next one.
 */
class ClaimPool {
  private readonly waiting: { finished: number | null; resolve: (job: ClaimedJob | null) => void; reject: (err: unknown) => void }[] = [];
  private claiming = false;
  private done = false;

  constructor(
    private readonly claim: (count: number, finished: number[]) => Promise<ClaimedJob[]>,
    private readonly complete: (finished: number[]) => Promise<void>,
  ) {}

  /** The next job for a worker that has just finished `finished` (recorded completed with the claim). */
  async next(finished: number | null): Promise<ClaimedJob | null> {
    if (this.done) {
      if (finished !== null) await this.complete([finished]);
      return null;
    }
    const job = new Promise<ClaimedJob | null>((resolve, reject) => this.waiting.push({ finished, resolve, reject }));
    if (!this.claiming) void this.fill();
    return job;
  }

  private async fill(): Promise<void> {
    this.claiming = true;
    try {
      while (this.waiting.length > 0 && !this.done) {
        const asking = [...this.waiting];
        const finished = asking.flatMap((w) => (w.finished === null ? [] : [w.finished]));
        for (const w of asking) w.finished = null;
        const claimed = await this.claim(asking.length, finished);
        if (claimed.length < asking.length) this.done = true;
        for (const job of claimed) this.waiting.shift()!.resolve(job);
      }
      const left = this.waiting.splice(0);
      const finished = left.flatMap((w) => (w.finished === null ? [] : [w.finished]));
      if (finished.length > 0) await this.complete(finished);
      for (const w of left) w.resolve(null);
    } catch (err) {
      this.done = true;
      for (const w of this.waiting.splice(0)) w.reject(err);
    } finally {
      this.claiming = false;
    }
  }
}

// A durable job runner on Clara's own database: jobs are enqueued in the same transaction as the
// change that causes them, and `FOR UPDATE SKIP LOCKED` lets several processes share the table.
export class JobRunner {
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private readonly workerId = PROCESS_ID;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private woken = false;
  private readonly workers = new Set<Promise<void>>();
  private wakeWhenFree = false;
  private listen: Database['listen'] | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private lastPrunedAt = 0;
  private lastReleasedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly pollMs = 1000,
    /** Completed jobs older than this are deleted (dead ones stay for an admin to read). */
    private readonly retentionMs = 7 * 24 * 60 * 60_000,
    /** Jobs a started runner works at the same time. */
    private readonly concurrency = 1,
  ) {}

  register<T>(definition: JobDefinition<T>): void {
    this.definitions.set(definition.name, definition as JobDefinition<unknown>);
  }

  async enqueue(exec: Db, name: string, payload: unknown, opts: EnqueueOptions = {}): Promise<void> {
    const definition = this.definitions.get(name);
    const parsed = definition ? definition.schema.parse(payload) : payload;
    const values = {
      name,
      payload: parsed as object,
      runAt: opts.runAt ?? this.clock.now(),
      maxAttempts: opts.maxAttempts ?? definition?.maxAttempts ?? 5,
      singletonKey: opts.singletonKey ?? null,
    };
    if (!opts.onlyIf) {
      await insertJobs(exec, [values]);
      return;
    }
    await exec.execute(sql`
      insert into jobs (name, payload, run_at, max_attempts, singleton_key)
      select ${values.name}::text, ${JSON.stringify(values.payload)}::jsonb, ${values.runAt.toISOString()}::timestamptz, ${values.maxAttempts}::int, ${values.singletonKey}::text
      where ${opts.onlyIf}
      on conflict do nothing`);
  }

  /** Runs due jobs one by one until none is due or `limit` ran; returns how many ran. */
  async runDue(limit = 50): Promise<number> {
    await this.releaseStaleLocks();
    return this.drain(limit);
  }

  private async drain(limit: number): Promise<number> {
    let count = 0;
    while (count < limit) {
      const [job] = await this.claim(1, []);
      if (!job) break;
      if (await this.execute(job)) await this.complete([job.id]);
      count += 1;
    }
    return count;
  }

  // A started runner works `concurrency` jobs at a time: a job mostly waits on the database, and a
  // burst of new tickets should not queue their follow-ups behind each other. Each free slot gets a
  // worker; a slot frees when its worker finds no due job (or after 50, to let the runner release
  // stale locks and prune), so one long job (a retraining) holds its own slot, never the others.
  private async fillSlots(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastReleasedAt >= RELEASE_EVERY_MS) {
      this.lastReleasedAt = now;
      await this.releaseStaleLocks();
    }
    const free = this.concurrency - this.workers.size;
    if (free <= 0) {
      this.wakeWhenFree = true;
      return;
    }
    const pool = new ClaimPool(
      (count, finished) => this.claim(count, finished),
      (finished) => this.complete(finished),
    );
    for (let i = 0; i < free; i += 1) {
      const worker: Promise<void> = this.work(pool)
        .catch((err: unknown) => {
          this.log.error({ err }, 'job worker failed');
          return false;
        })
        .then((more) => {
          this.workers.delete(worker);
          if (more || this.wakeWhenFree) {
            this.wakeWhenFree = false;
            this.wakeHere();
          }
        });
      this.workers.add(worker);
    }
  }

  /**
   * Works jobs from `pool` until none is due; true when it stopped at 50 with more likely waiting. A
   * finished job is recorded completed by the worker's next claim: one statement instead of two.
   */
  private async work(pool: ClaimPool): Promise<boolean> {
    let finished: number | null = null;
    for (let ran = 0; ran < 50; ran += 1) {
      const job = await pool.next(finished);
      finished = null;
      if (!job) return false;
      if (await this.execute(job)) finished = job.id;
    }
    if (finished !== null) await this.complete([finished]);
    return true;
  }

  /**
   * Several processes on one database (PostgreSQL): a process that commits work without running jobs
   * itself (`CLARA_JOBS=0`) wakes the job processes through NOTIFY instead of leaving it to their poll.
   */
  shareWakeups(listen: Database['listen']): void {
    this.listen = listen;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.tick(), this.pollMs);
    if (this.listen) {
      this.listen('clara_jobs', () => this.wakeHere())
        .then((unlisten) => (this.unlisten = unlisten))
        .catch((err: unknown) => this.log.warn({ err }, 'cannot listen for new jobs; polling only'));
    }
  }

  /**
   * Work was just committed: look for due jobs now rather than at the next poll — here when this
   * process runs jobs, else in the job processes (when wakeups are shared).
   */
  wake(): void {
    if (this.timer) return this.wakeHere();
    if (this.listen) notify(this.db, 'clara_jobs').catch((err: unknown) => this.log.warn({ err }, 'cannot wake the job processes'));
  }

  private wakeHere(): void {
    if (!this.timer) return;
    if (this.ticking) {
      this.woken = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.tick(), ms);
  }

  private tick(): void {
    this.woken = false;
    this.ticking = this.fillSlots()
      .then(() => this.pruneIfDue())
      .catch((err: unknown) => this.log.error({ err }, 'job poll failed'))
      .finally(() => {
        this.ticking = null;
        if (this.timer) this.schedule(this.woken ? 0 : this.pollMs);
      });
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
    await this.ticking;
    await Promise.all([...this.workers]);
  }

  /** Deletes completed jobs finished before the retention window; returns how many went. */
  async prune(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.retentionMs).toISOString();
    const rows = await queryRows<{ id: number }>(
      this.db,
      sql`delete from jobs where status = 'completed' and completed_at < ${cutoff} returning id`,
    );
    return rows.length;
  }

  // Scheduled jobs (SLA checks, reminders) add a completed row every minute: keep the table small.
  private async pruneIfDue(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPrunedAt < PRUNE_EVERY_MS) return;
    this.lastPrunedAt = now;
    const pruned = await this.prune();
    if (pruned > 0) this.log.info({ pruned }, 'old completed jobs deleted');
  }

  /** Newest first: what an admin sees for failed or waiting jobs. */
  async list(status: 'pending' | 'running' | 'dead', limit = 50): Promise<JobSummary[]> {
    return queryRows<JobSummary>(
      this.db,
      sql`select id::int as id, name, status, attempts, max_attempts as "maxAttempts", last_error as "lastError",
                 run_at as "runAt", created_at as "createdAt"
          from jobs where status = ${status} order by id desc limit ${limit}`,
    );
  }

  /** Gives a dead job a fresh set of attempts; null when there is no dead job with this id. */
  async retry(id: number, db: Db = this.db): Promise<JobSummary | null> {
    const now = this.clock.now().toISOString();
    const rows = await queryRows<JobSummary>(
      db,
      sql`update jobs set status = 'pending', attempts = 0, run_at = ${now}, locked_at = null
          where id = ${id} and status = 'dead'
          returning id::int as id, name, status, attempts, max_attempts as "maxAttempts", last_error as "lastError",
                    run_at as "runAt", created_at as "createdAt"`,
    );
    return rows[0] ?? null;
  }

  /** Whether a job of this name whose payload contains `match` is waiting or running. */
  async isQueued(name: string, match: Record<string, unknown>, db: Db = this.db): Promise<boolean> {
    const rows = await queryRows<{ one: number }>(
      db,
      sql`select 1 as one from jobs where status in ('pending', 'running') and name = ${name}
          and payload @> ${JSON.stringify(match)}::jsonb limit 1`,
    );
    return rows.length > 0;
  }

  /** Jobs by status; `due` counts the pending ones whose time has come (the backlog), `pending` all of them. */
  async stats(): Promise<Record<'pending' | 'due' | 'running' | 'completed' | 'dead', number>> {
    const now = this.clock.now().toISOString();
    const rows = await queryRows<{ status: string; n: number; due: number }>(
      this.db,
      sql`select status, count(*)::int as n, (count(*) filter (where run_at <= ${now}))::int as due from jobs group by status`,
    );
    const out = { pending: 0, due: 0, running: 0, completed: 0, dead: 0 };
    for (const r of rows) {
      if (r.status === 'pending') out.due = Number(r.due);
      if (r.status in out) out[r.status as keyof typeof out] = Number(r.n);
    }
    return out;
  }

  /** How long (ms) the oldest due job has waited to be run; 0 when none is waiting. */
  async lagMs(): Promise<number> {
    const now = this.clock.now().toISOString();
    const rows = await queryRows<{ lag: number | string | null }>(
      this.db,
      sql`select extract(epoch from (${now}::timestamptz - min(run_at))) * 1000 as lag
          from jobs where status = 'pending' and run_at <= ${now}`,
    );
    return Math.max(0, Number(rows[0]?.lag ?? 0));
  }

  /** Up to `count` due jobs, oldest first, locked for this process; `finished` jobs are recorded completed. */
  private async claim(count: number, finished: number[]): Promise<ClaimedJob[]> {
    const now = this.clock.now().toISOString();
    const completing = finished.length > 0
      ? sql`with finished as (update jobs set status = 'completed', completed_at = ${now}, locked_at = null, last_error = null
                              where id in ${sql`(${sql.join(finished.map((id) => sql`${id}`), sql`, `)})`} and status = 'running') `
      : sql``;
    const rows = await queryRows<ClaimedJob & { run_at: string }>(
      this.db,
      sql`${completing}update jobs set status = 'running', locked_at = ${now}, locked_by = ${this.workerId}, attempts = attempts + 1
          where id in (select id from jobs where status = 'pending' and run_at <= ${now}
                       order by run_at, id limit ${count} for update skip locked)
          returning id, name, payload, attempts, max_attempts, run_at::text as run_at`,
    );
    return rows.sort((a, b) => (a.run_at < b.run_at ? -1 : a.run_at > b.run_at ? 1 : Number(a.id) - Number(b.id)));
  }

  private async complete(finished: number[]): Promise<void> {
    await this.db
      .update(jobs)
      .set({ status: 'completed', completedAt: this.clock.now(), lockedAt: null, lastError: null })
      .where(and(inArray(jobs.id, finished), eq(jobs.status, 'running')));
  }

  /** Runs one claimed job; true when it succeeded (the caller records it completed), else it is rescheduled or dead. */
  private async execute(job: ClaimedJob): Promise<boolean> {
    const definition = this.definitions.get(job.name);
    const log = this.log.child({ jobId: job.id, job: job.name, attempt: job.attempts });
    try {
      if (!definition) throw new Error(`no handler registered for job "${job.name}"`);
      const payload = definition.schema.parse(job.payload);
      await definition.handler(payload, { id: Number(job.id), attempt: job.attempts });
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const dead = !definition || job.attempts >= job.max_attempts;
      const backoff = (definition?.backoffMs ?? 5_000) * 2 ** (job.attempts - 1);
      log[dead ? 'error' : 'warn']({ err }, dead ? 'job failed for good' : 'job failed, will retry');
      await this.db
        .update(jobs)
        .set({
          status: dead ? 'dead' : 'pending',
          // Leads read it (GET /api/admin/jobs): no statement parameters or passwords.
          lastError: scrubSecrets(message).slice(0, 2000),
          lockedAt: null,
          runAt: new Date(this.clock.now().getTime() + backoff),
        })
        .where(and(eq(jobs.id, job.id), eq(jobs.status, 'running')));
      return false;
    }
  }

  // A process that died mid-job leaves it 'running'; after a while it is handed to someone else.
  private async releaseStaleLocks(): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - STALE_LOCK_MS).toISOString();
    await this.db.execute(
      sql`update jobs set status = 'pending', locked_at = null where status = 'running' and locked_at < ${cutoff}`,
    );
  }
}
