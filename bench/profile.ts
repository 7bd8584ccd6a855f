// `npm run bench -- --only profile`: where a create's CPU time goes. Starts Clara on embedded PGlite (on a
// fresh PostgreSQL database with BENCH_PROFILE_DB=postgres) with
// its default start (demo data and knowledge base) under `node --cpu-prof`, sends `count` unlabelled
// tickets at 8 connections, waits for their follow-up jobs, stops the server and sorts the profile's
// samples by who spent them (the profile file stays in the printed folder for a closer look). On PGlite it also
// prints each statement's own time on the database thread (CLARA_SQL_TIMINGS, see pglite-worker.mjs).
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { adminHeaders, newTicketBody, startServer, stopServer, waitForIdleJobs } from './api';
import { createDatabase, databaseUrl, dropDatabase } from '../src/testing/test-database';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  startTime: number;
  endTime: number;
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const BUCKETS: [string, RegExp][] = [
  ['PGlite (the database, WebAssembly)', /@electric-sql\/pglite|^wasm:\/\//],
  ['Drizzle ORM (query building, row mapping)', /drizzle-orm/],
  ['pg driver', /node_modules\/(pg|pg-protocol|pg-types|pg-pool)\//],
  ['zod (validation, serialization)', /node_modules\/(zod|fastify-type-provider-zod)\//],
  ['Fastify and its plugins', /node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fast-json-stringify|secure-json-parse)/],
  ['pino (logs)', /node_modules\/(pino|pino-std-serializers|sonic-boom)/],
  ['Clara: knowledge base (retrieval, answers)', /src\/modules\/kb\//],
  ['Clara: classifier', /src\/modules\/classify\//],
  ['Clara: tickets', /src\/modules\/tickets\//],
  ['Clara: other modules and core', /\/src\//],
  ['other libraries', /node_modules/],
  ['Node (network, streams, timers)', /^node:|^internal\//],
];

function bucketOf(node: ProfileNode): string | null {
  const { url, functionName } = node.callFrame;
  if (functionName === '(idle)' || functionName === '(program)') return null;
  if (functionName === '(garbage collector)') return 'garbage collection';
  for (const [name, pattern] of BUCKETS) if (pattern.test(url)) return name;
  return url === '' ? 'V8 builtins and native code' : 'other';
}

/**
 * Busy milliseconds per bucket and in all, for the samples in a window given as milliseconds before the
 * profile's end (start-up and shutdown left out).
 */
export function summarizeProfile(
  profile: CpuProfile,
  window: { fromEndMs: number; toEndMs: number },
): { busyMs: number; buckets: [string, number][]; functions: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  const functions = new Map<string, number>();
  const from = profile.endTime - window.fromEndMs * 1000;
  const to = profile.endTime - window.toEndMs * 1000;
  let at = profile.startTime;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (at < from || at > to) return;
    const bucket = bucketOf(byId.get(id)!);
    if (!bucket) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    busy += ms;
    totals.set(bucket, (totals.get(bucket) ?? 0) + ms);
    const { functionName, url } = byId.get(id)!.callFrame;
    const fn = `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules|src)\//, '$1/')}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { busyMs: busy, buckets: sorted(totals), functions: sorted(functions) };
}

/** `pgAdminUrl`: profile on a fresh PostgreSQL database made there (Clara's own CPU without the database's); else PGlite. */
export async function profileCreates(count: number, pgAdminUrl?: string): Promise<void> {
  if (!pgAdminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'clara-prof-'));
    return profileOn(count, 'PGlite', { CLARA_DATA_DIR: dataDir, CLARA_SQL_TIMINGS: join(dataDir, 'statement-timings.json') });
  }
  const name = await createDatabase(pgAdminUrl, 'clara_prof');
  try {
    await profileOn(count, 'PostgreSQL', { DATABASE_URL: databaseUrl(pgAdminUrl, name) });
  } finally {
    await dropDatabase(pgAdminUrl, name).catch(() => undefined);
  }
}

async function profileOn(count: number, driver: string, env: Record<string, string>): Promise<void> {
  const profileDir = mkdtempSync(join(tmpdir(), 'clara-cpuprofile-'));
  const server = await startServer(env, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  const headers = await adminHeaders(server.url);
  await waitForIdleJobs(server.url, headers);
  const timings = env.CLARA_SQL_TIMINGS;
  if (timings) {
    writeFileSync(`${timings}.reset`, '');
    // The database thread looks for it every 200 ms.
    for (let i = 0; i < 100 && existsSync(`${timings}.reset`); i += 1) await new Promise((r) => setTimeout(r, 50));
  }
  const started = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url: `${server.url}/api/tickets`,
        method: 'POST',
        headers,
        connections: 8,
        amount: count,
        requests: [{ setupRequest: (req) => ({ ...req, body: newTicketBody() }) }],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    ),
  );
  const requestsDone = Date.now();
  await waitForIdleJobs(server.url, headers);
  const followUpsDone = Date.now();
  await stopServer(server);
  const exited = Date.now();
  // One file per thread: Clara's main thread, the embedded database's thread (PGlite), tsx's module loader.
  const wall = (followUpsDone - started) / 1000;
  console.log(
    `\nProfile of ${count} creates on ${driver} (8 connections, ${result.non2xx} errors): requests ${((requestsDone - started) / 1000).toFixed(1)} s, ` +
      `follow-ups done ${((followUpsDone - requestsDone) / 1000).toFixed(1)} s later (${wall.toFixed(1)} s in all); profiles in ${profileDir}`,
  );
  for (const file of readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
    const thread = threadOf(profile);
    if (!thread) continue;
    const { busyMs, buckets, functions } = summarizeProfile(profile, { fromEndMs: exited - started, toEndMs: exited - followUpsDone });
    console.log(`\n${thread}: busy ${(busyMs / 1000).toFixed(1)} s of ${wall.toFixed(1)} s (${(busyMs / count).toFixed(1)} ms per ticket)\n`);
    console.log('| spent in | share of busy CPU |');
    console.log('|---|---:|');
    for (const [name, ms] of buckets.slice(0, 14)) console.log(`| ${name} | ${((ms / busyMs) * 100).toFixed(1)} % |`);
    console.log('\n| function (self time) | share of busy CPU |');
    console.log('|---|---:|');
    for (const [name, ms] of functions.slice(0, 20)) console.log(`| ${name} | ${((ms / busyMs) * 100).toFixed(1)} % |`);
  }
  if (timings) printStatementTimings(JSON.parse(readFileSync(timings, 'utf8')) as Record<string, { count: number; ms: number }>, count);
}

// Each statement's own time on the database thread (waits for other transactions left out), by statement.
function printStatementTimings(sums: Record<string, { count: number; ms: number }>, count: number): void {
  const rows = Object.entries(sums).sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((n, [, s]) => n + s.ms, 0);
  const statements = rows.reduce((n, [, s]) => n + s.count, 0);
  console.log(`\nStatements on the database thread: ${(statements / count).toFixed(1)} per ticket, ${(total / count).toFixed(1)} ms per ticket\n`);
  console.log('| statement | per ticket | ms each | ms per ticket |');
  console.log('|---|---:|---:|---:|');
  for (const [statement, s] of rows.slice(0, 16)) {
    console.log(`| \`${statement.slice(0, 90).replace(/\|/g, '\\|')}\` | ${(s.count / count).toFixed(2)} | ${(s.ms / s.count).toFixed(2)} | ${(s.ms / count).toFixed(2)} |`);
  }
}

function threadOf(profile: CpuProfile): string | null {
  const urls = profile.nodes.map((n) => n.callFrame.url);
  if (urls.some((u) => u.endsWith('pglite-worker.mjs'))) return 'The database thread (PGlite)';
  if (urls.some((u) => u.includes('/src/app.ts'))) return "Clara's main thread";
  return null;
}
