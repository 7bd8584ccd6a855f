import { Worker } from 'node:worker_threads';

/** What Drizzle's PGlite driver calls inside a transaction (outside one, it calls `query` on the thread). */
interface TransactionScope {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
  rollback(): Promise<void>;
}

interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
}

interface QueryResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: Record<string, unknown> } | { notify: string; payload: string };

const IDENTITY_PROBE = '\u0000clara-probe';
const checkedParsers = new WeakSet<object>();

// Functions cannot cross to the database thread: a parser is sent as its type id, which is only right
// for parsers that keep the text as it is (Drizzle's are; anything else is refused, not silently changed).
function rawTypes(options: QueryOptions | undefined): number[] | undefined {
  const parsers = options?.parsers;
  if (!parsers) return undefined;
  const types = Object.keys(parsers).map(Number);
  if (!checkedParsers.has(parsers)) {
    for (const type of types) {
      if (parsers[type]!(IDENTITY_PROBE, type) !== IDENTITY_PROBE) throw new Error(`the database thread keeps type ${type} as text; this parser changes it`);
    }
    checkedParsers.add(parsers);
  }
  return types;
}

function rebuildError(fields: Record<string, unknown>): Error {
  const err = new Error(String(fields.message));
  Object.assign(err, fields);
  return err;
}

/**
 * The embedded database on a worker thread (pglite-worker.mjs): statements cross as messages, so the
 * request thread parses HTTP, classifies and renders while PostgreSQL-in-WebAssembly runs on the other
 * core. One connection, as in-thread: a transaction holds the database until it commits or rolls back.
 */
export class PgliteThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private nextId = 1;
  private nextTransaction = 1;
  private failed: Error | null = null;

  private constructor() {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => this.receive(reply));
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', (code) => this.fail(new Error(`the database thread exited (${code})`)));
  }

  static async open(dataDir: string, template?: Blob): Promise<PgliteThread> {
    const thread = new PgliteThread();
    try {
      await thread.call({ op: 'open', dataDir, template: template ? await template.arrayBuffer() : undefined });
    } catch (err) {
      await thread.worker.terminate();
      throw err;
    }
    return thread;
  }

  query(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<QueryResult> {
    return this.run(undefined, sql, params, options);
  }

  // `begin` is not awaited: the transaction's id is chosen here, so its first statement goes out with it and
  // the database thread starts the transaction and runs the statement in one turn (one round trip less).
  async transaction<T>(fn: (tx: TransactionScope) => Promise<T>): Promise<T> {
    const tx = this.nextTransaction++;
    const begun = this.call({ op: 'begin', tx });
    begun.catch(() => undefined); // its failure reaches the caller through the transaction's statements and end
    let closed = false;
    const end = async (commit: boolean) => {
      closed = true;
      await this.call({ op: 'end', tx, commit });
    };
    const scope: TransactionScope = {
      query: (sql: string, params: unknown[] = [], options?: QueryOptions) => this.run(tx, sql, params, options),
      rollback: () => end(false),
    };
    let result: T;
    try {
      result = await fn(scope);
    } catch (err) {
      if (!closed) await end(false).catch(() => undefined);
      throw err;
    }
    if (!closed) await end(true);
    return result;
  }

  async listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>> {
    const set = this.handlers.get(channel) ?? new Set();
    this.handlers.set(channel, set);
    set.add(fn);
    if (set.size === 1) await this.call({ op: 'listen', channel });
    return async () => {
      set.delete(fn);
      if (set.size === 0 && !this.failed) await this.call({ op: 'unlisten', channel });
    };
  }

  async dumpDataDir(compression: 'none' | 'gzip'): Promise<Blob> {
    const bytes = (await this.call({ op: 'dump', compression })) as Uint8Array;
    return new Blob([bytes]);
  }

  async close(): Promise<void> {
    if (this.failed) return;
    await this.call({ op: 'close' });
    this.failed = new Error('the database is closed');
    await this.worker.terminate();
  }

  private async run(tx: number | undefined, sql: string, params: unknown[], options: QueryOptions | undefined): Promise<QueryResult> {
    return await this.call({ op: 'query', sql, params, tx, rowMode: options?.rowMode, rawTypes: rawTypes(options) }) as Promise<QueryResult>;
  }

  private call(msg: Record<string, unknown>): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // While an answer is awaited the thread keeps the process alive; idle, it lets it exit.
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }

  private receive(reply: Reply): void {
    if ('notify' in reply) {
      for (const fn of this.handlers.get(reply.notify) ?? []) fn(reply.payload);
      return;
    }
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(rebuildError(reply.error));
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
  }
}
