import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Config } from './core/config';
import { createContext } from './context';
import { bootstrap, type AdminLogin } from './modules/setup';
import { banner, type RunningClara } from './server';

// `clara serve --workers N`: one Clara process per core on PostgreSQL. The primary migrates and seeds
// once (processes starting together on a new database would race to), then forks N workers that share
// the port (Node's cluster hands connections out in turn). Every worker is a whole Clara — HTTP, jobs,
// schedulers — and they share everything through PostgreSQL as separate `clara serve`s would
// (docs/deploy.md). A worker that dies is replaced; SIGTERM stops them all gracefully.

export function workerCount(config: Config): number {
  return config.CLARA_WORKERS === 'auto' ? availableParallelism() : config.CLARA_WORKERS;
}

type WorkerMessage = { type: 'clara:ready'; url: string };

/** In a worker: tell the primary this process is serving. */
export function announceReady(running: RunningClara): void {
  process.send?.({ type: 'clara:ready', url: running.url } satisfies WorkerMessage);
}

export const isClusterWorker = (): boolean => cluster.isWorker;

async function prepareDatabase(config: Config): Promise<{ admin: AdminLogin }> {
  const ctx = await createContext({ config: { ...config, CLARA_JOBS: false } });
  try {
    const { admin } = await bootstrap(ctx);
    return { admin };
  } finally {
    await ctx.database.close();
  }
}

/** The primary: prepare the database, start `count` workers, keep them running, stop them on a signal. */
export async function runPrimary(config: Config, count: number): Promise<void> {
  if (!config.DATABASE_URL) {
    throw new Error('Several workers need PostgreSQL (DATABASE_URL): the embedded database belongs to one process. Leave CLARA_WORKERS at 1.');
  }
  const { admin } = await prepareDatabase(config);
  let stopping = false;
  const ready = new Set<number>();
  let url = '';
  let announced = false;
  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('message', (m: WorkerMessage) => {
      if (m?.type !== 'clara:ready') return;
      url = m.url;
      ready.add(worker.id);
      if (ready.size === count && !announced) {
        announced = true;
        process.stdout.write(banner({ admin, url, database: 'PostgreSQL (DATABASE_URL)', workers: count }));
      }
    });
    return worker;
  };
  for (let i = 0; i < count; i += 1) fork();
  cluster.on('exit', (worker, code, signal) => {
    ready.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
    if (workers.length === 0) process.exit(0);
    for (const w of workers) w.process.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
