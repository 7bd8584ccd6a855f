// The API part of `npm run bench`: Clara as its own process (so the load generator does not share its
// event loop) with its default start — the demo data and knowledge base in place — driven by
// autocannon over keep-alive loopback, beside a floor of the same writes (bench/floor.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDatabase, databaseUrl, dropDatabase } from '../src/testing/test-database';
import { floorRates, type FloorTarget } from './floor';

const PASSWORD = 'bench-password-123';
export const CREATE_CLIENTS = [1, 8, 32];
const MIXED_CLIENTS = 32;

// What customers of the demo company write: some questions its knowledge base answers, some it
// does not, one long mail. No category, priority or queue: Clara classifies and routes each.
const TICKETS = [
  ['Forgot my password', 'Hi, I forgot my password and the reset email never arrives. How do I get back in?'],
  ['Invoice for March', 'Where can I download the invoice for last month? Our accountant needs a PDF copy.'],
  ['Export fails', 'The dashboard shows an error when exporting the monthly report to CSV. It worked last week.'],
  ['refund??', 'i was charged twice this month, pls refund the second payment asap'],
  ['Add colleagues', 'How do I invite three people from my team and give one of them admin rights?'],
  [
    'Sync broken on phone after update',
    'Hello support team,\n\nsince the update yesterday the mobile app on my iPhone does not show the projects I created on the desktop. I logged out and in again, reinstalled the app and checked that I am on the same workspace, but nothing changed. My colleague on Android has the same problem. We rely on the app in the field, so this is blocking us today.\n\nThanks, Maria',
  ],
  ['Cancel plan', 'We want to cancel our subscription at the end of the billing period. What happens to our data?'],
  ['Webhook retries', 'Our endpoint was down for an hour. Do you retry webhooks that failed, and for how long?'],
] as const;

/** One load run's result: requests per second, latency and failed requests. */
export interface LoadRow {
  driver: string;
  scenario: string;
  clients: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface ApiRow extends LoadRow {
  floor?: number;
  /** Seconds after the load stopped until every follow-up job had run. */
  drainSeconds?: number;
}

export interface BenchServer {
  url: string;
  child: ChildProcess;
}

export async function startServer(env: Record<string, string>, nodeArgs: string[] = []): Promise<BenchServer> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), CLARA_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('Clara is running') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

export async function stopServer({ child }: BenchServer): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

/** An admin API token's headers, for every scenario. */
export async function adminHeaders(url: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await adminToken(url)}`, 'content-type': 'application/json' };
}

async function adminToken(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@clara.local', password: PASSWORD }),
  });
  const { csrf_token } = (await login.json()) as { csrf_token: string };
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const res = await fetch(`${url}/api/admin/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf_token },
    body: JSON.stringify({ name: 'bench' }),
  });
  return ((await res.json()) as { token: string }).token;
}

// Start-up work (the demo's month, the voice language model, embeddings) and a scenario's follow-ups
// run as jobs: wait until none is pending or running, up to `limitS`. Returns the seconds waited.
export async function waitForIdleJobs(url: string, headers: Record<string, string>, limitS = 300): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < limitS * 1000) {
    const res = await fetch(`${url}/health`, { headers });
    const { jobs } = (await res.json()) as { jobs: { due: number; running: number } };
    if (jobs.due + jobs.running === 0) return (Date.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 200));
  }
  return Number.POSITIVE_INFINITY;
}

export function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const SYLLABLES = ['ka', 'ro', 'mi', 'tel', 'van', 'sor', 'du', 'lin', 'pe', 'gar', 'no', 'this', 'wen', 'ba', 'fre', 'zu'];

/** A made-up surname per ticket: every text differs, so no per-text cache can flatter the numbers. */
function signature(n: number): string {
  let name = '';
  for (let i = n + 4096; i > 0; i = Math.floor(i / SYLLABLES.length)) name += SYLLABLES[i % SYLLABLES.length];
  return name[0]!.toUpperCase() + name.slice(1);
}

let sequence = 0;
export function newTicketBody(): string {
  const [subject, description] = TICKETS[sequence % TICKETS.length]!;
  sequence += 1;
  return JSON.stringify({
    subject,
    description: `${description}\n\n${signature(sequence)}`,
    channel: 'web',
    customer: { email: `customer${sequence % 500}@example.com` },
  });
}

function ticketOf(context: object): string {
  return (context as { ticketId?: string }).ticketId ?? 'missing';
}

export function row(driver: string, scenario: string, clients: number, r: autocannon.Result, extra: Partial<ApiRow> = {}): ApiRow {
  return { driver, scenario, clients, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, ...extra };
}

async function benchServer(driver: string, env: Record<string, string>, seconds: number, createClients = CREATE_CLIENTS): Promise<ApiRow[]> {
  const server = await startServer(env);
  const { url } = server;
  const rows: ApiRow[] = [];
  try {
    const headers = await adminHeaders(url);
    await waitForIdleJobs(url, headers);
    for (const clients of createClients) {
      console.error(`${driver}: create, ${clients} client(s)`);
      const create = await cannon({
        url: `${url}/api/tickets`,
        method: 'POST',
        headers,
        connections: clients,
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, body: newTicketBody() }) }],
      });
      const drainSeconds = await waitForIdleJobs(url, headers);
      rows.push(row(driver, 'create', clients, create, { drainSeconds }));
    }
    console.error(`${driver}: list and mixed`);
    const list = await cannon({ url: `${url}/api/tickets?limit=25&status=open`, headers, connections: MIXED_CLIENTS, duration: seconds });
    rows.push(row(driver, 'list (25, open)', MIXED_CLIENTS, list));
    // Mixed: each connection creates a ticket, reads it, changes its priority, lists, asks the knowledge base.
    const mixed = await cannon({
      url,
      headers,
      connections: MIXED_CLIENTS,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          path: '/api/tickets',
          setupRequest: (req) => ({ ...req, body: newTicketBody() }),
          onResponse: (status, body, context) => {
            if (status === 201) (context as { ticketId?: string }).ticketId = (JSON.parse(body) as { id: string }).id;
          },
        },
        { method: 'GET', setupRequest: (req, context) => ({ ...req, path: `/api/tickets/${ticketOf(context)}` }) },
        {
          method: 'PATCH',
          setupRequest: (req, context) => ({ ...req, path: `/api/tickets/${ticketOf(context)}`, body: JSON.stringify({ priority: 'high' }) }),
        },
        { method: 'GET', path: '/api/tickets?limit=25&status=open' },
        { method: 'POST', path: '/api/kb/ask', body: JSON.stringify({ question: 'How do I reset my password?' }) },
      ],
    });
    const drainSeconds = await waitForIdleJobs(url, headers);
    rows.push(row(driver, 'mixed', MIXED_CLIENTS, mixed, { drainSeconds }));
  } finally {
    await stopServer(server);
  }
  return rows;
}

async function withFloor(rows: ApiRow[], target: FloorTarget, seconds: number): Promise<ApiRow[]> {
  console.error(`${target.kind}: floor`);
  const floor = await floorRates(target, CREATE_CLIENTS, seconds);
  for (const r of rows) if (r.scenario === 'create') r.floor = floor.get(r.clients);
  return rows;
}

export async function benchApi(pgAdminUrl: string, seconds: number): Promise<ApiRow[]> {
  const rows: ApiRow[] = [];
  const drivers = (process.env.BENCH_API_DRIVERS ?? 'pglite,postgres').split(',');
  const dir = mkdtempSync(join(tmpdir(), 'clara-bench-'));
  try {
    if (drivers.includes('pglite')) rows.push(...(await withFloor(await benchServer('pglite', { CLARA_DATA_DIR: dir }, seconds), { kind: 'pglite', dir: `${dir}-floor` }, seconds)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-floor`, { recursive: true, force: true });
  }
  if (!drivers.includes('postgres')) return rows;
  const names: string[] = [];
  const fresh = async (prefix: string) => {
    names.push(await createDatabase(pgAdminUrl, prefix));
    return databaseUrl(pgAdminUrl, names.at(-1)!);
  };
  try {
    const pgRows = [
      ...(await benchServer('postgres', { DATABASE_URL: await fresh('clara_bench') }, seconds)),
      // The same database server, `clara serve --workers 2`: both cores for Clara (and PostgreSQL).
      ...(await benchServer('postgres, 2 processes', { DATABASE_URL: await fresh('clara_bench2'), CLARA_WORKERS: '2' }, seconds, [8, 32])),
    ];
    rows.push(...(await withFloor(pgRows, { kind: 'postgres', url: await fresh('clara_floor') }, seconds)));
  } catch (err) {
    console.error(`PostgreSQL part skipped: ${(err as Error).message}`);
  } finally {
    for (const name of names) await dropDatabase(pgAdminUrl, name).catch(() => undefined);
  }
  return rows;
}

export function printApiTable(rows: ApiRow[], seconds: number): void {
  console.log(`\n${seconds} s per scenario; create = POST /api/tickets without labels (classified, routed, auto-answered)\n`);
  console.log('| driver | scenario | clients | req/s | p50 ms | p99 ms | errors | floor tx/s | share of floor | follow-ups done after |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const share = r.floor ? `${((r.rps / r.floor) * 100).toFixed(1)} %` : '';
    const drain = r.drainSeconds === undefined ? '' : `${r.drainSeconds.toFixed(1)} s`;
    console.log(
      `| ${r.driver} | ${r.scenario} | ${r.clients} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.floor?.toFixed(0) ?? ''} | ${share} | ${drain} |`,
    );
  }
}
