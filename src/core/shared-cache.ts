import { notify, type Database, type Db } from './db';

const CHANNEL = 'clara_cache';

/**
 * What nearly every ticket reads and admins rarely change — queues, SLA policies, escalation rules,
 * a few settings — kept per process under a name. A change drops the name everywhere: in this
 * process at once (`changedIn`, inside the writing transaction), in every process when that
 * transaction commits (NOTIFY clara_cache; this process hears it too, so a read that slipped in
 * before the commit is dropped again). Entries also expire after `maxAgeMs`, for a notification
 * lost while a listener reconnected or a row changed by hand. Cached values are shared: never mutate one.
 */
export class SharedCache {
  private readonly entries = new Map<string, { value: unknown; at: number }>();
  // Any drop bumps it: a load that began before a change must not store what it read.
  private generation = 0;

  constructor(
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value, or `load()`'s (read through the caller's connection or transaction). */
  async get<T>(name: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(name);
    if (hit && this.now() - hit.at < this.maxAgeMs) return hit.value as T;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) this.entries.set(name, { value, at: this.now() });
    return value;
  }

  /** `tx` changes what `name` holds: drop it here now and in every process when `tx` commits. */
  async changedIn(tx: Db, name: string): Promise<void> {
    this.drop(name);
    await notify(tx, CHANNEL, `cache:${name}`);
  }

  /** Drops names other processes (or this one's committed transactions) changed. */
  async followChanges(listen: Database['listen']): Promise<void> {
    await listen(CHANNEL, (payload) => {
      if (payload.startsWith('cache:')) this.drop(payload.slice('cache:'.length));
    });
  }

  private drop(name: string): void {
    this.generation += 1;
    this.entries.delete(name);
  }
}
