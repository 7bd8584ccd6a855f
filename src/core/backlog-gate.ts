import { setTimeout as sleep } from 'node:timers/promises';

export interface BacklogGateOptions {
  /** How far behind (ms) the oldest due job may be before new work waits; 0 never holds anything back. */
  maxLagMs: number;
  /** The longest one caller waits: past it, it goes ahead (new work is never refused). */
  maxWaitMs: number;
  /** How often the lag is read again while callers wait; one reading serves every caller. */
  sampleMs?: number;
}

/**
 * Paces new work to what the job runners keep up with. A new ticket's follow-ups (its automatic
 * answer among them) run as jobs after the request; when requests come faster than the follow-ups
 * finish, the backlog would only grow and a customer's answer come minutes late. So while the oldest
 * due job waits longer than `maxLagMs`, new work waits for the runners to catch up. The lag is read
 * from the jobs table: every process on one database sees the same backlog.
 */
export class BacklogGate {
  private reading: Promise<number> | null = null;
  private lastReadAt = Number.NEGATIVE_INFINITY;
  private lastLagMs = 0;
  private readonly sampleMs: number;

  constructor(
    /** The age (ms) of the oldest due job, 0 when none waits. */
    private readonly readLag: () => Promise<number>,
    private readonly opts: BacklogGateOptions,
  ) {
    this.sampleMs = opts.sampleMs ?? 100;
  }

  /** Resolves when the backlog is short enough or `maxWaitMs` passed; returns the ms held back (0: not held). */
  async pass(): Promise<number> {
    if (this.opts.maxLagMs <= 0) return 0;
    const start = performance.now();
    let held = false;
    while ((await this.lag()) > this.opts.maxLagMs) {
      const waited = performance.now() - start;
      if (waited >= this.opts.maxWaitMs) break;
      held = true;
      await sleep(Math.min(this.sampleMs, this.opts.maxWaitMs - waited));
    }
    return held ? performance.now() - start : 0;
  }

  private lag(): Promise<number> {
    if (performance.now() - this.lastReadAt < this.sampleMs) return Promise.resolve(this.lastLagMs);
    this.reading ??= this.readLag()
      // A gate that cannot read the backlog lets work through: pacing must never refuse a ticket.
      .catch(() => 0)
      .then((lag) => {
        this.lastLagMs = lag;
        this.lastReadAt = performance.now();
        return lag;
      })
      .finally(() => (this.reading = null));
    return this.reading;
  }
}
