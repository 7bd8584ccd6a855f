// `npm run bench -- --only profile`: where a create's CPU time goes. Starts Clara on embedded PGlite with
// its default start (demo data and knowledge base) under `node --cpu-prof`, sends `count` unlabelled
// tickets at 8 connections, waits for their follow-up jobs, stops the server and sorts the profile's
// samples by who spent them (the profile file stays in the printed folder for a closer look).
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { adminHeaders, newTicketBody, startServer, stopServer, waitForIdleJobs } from './api';

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
export function summarizeProfile(profile: CpuProfile, window: { fromEndMs: number; toEndMs: number }): { busyMs: number; buckets: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
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
  });
  return { busyMs: busy, buckets: [...totals.entries()].sort((a, b) => b[1] - a[1]) };
}

export async function profileCreates(count: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'clara-prof-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'clara-cpuprofile-'));
  const server = await startServer({ CLARA_DATA_DIR: dataDir }, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
  const headers = await adminHeaders(server.url);
  await waitForIdleJobs(server.url, headers);
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
  // One file per thread: the main thread's is the largest (the other is tsx's module loader).
  const file = readdirSync(profileDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((x, y) => statSync(join(profileDir, y)).size - statSync(join(profileDir, x)).size)[0]!;
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
  const { busyMs, buckets } = summarizeProfile(profile, { fromEndMs: exited - started, toEndMs: exited - followUpsDone });
  const wall = (followUpsDone - started) / 1000;
  console.log(
    `\nProfile of ${count} creates on PGlite (8 connections, ${result.non2xx} errors): requests ${((requestsDone - started) / 1000).toFixed(1)} s, ` +
      `follow-ups done ${((followUpsDone - requestsDone) / 1000).toFixed(1)} s later; Clara's main thread busy ${(busyMs / 1000).toFixed(1)} s of ${wall.toFixed(1)} s ` +
      `(${(busyMs / count).toFixed(1)} ms per ticket); profile: ${join(profileDir, file)}\n`,
  );
  console.log('| spent in | share of busy CPU |');
  console.log('|---|---:|');
  for (const [name, ms] of buckets.slice(0, 14)) console.log(`| ${name} | ${((ms / busyMs) * 100).toFixed(1)} % |`);
}
