// npm run bench [-- --only api|classifier|kb|dashboard]
// api: ticket create/list throughput and latency against a running Clara server (64 connections,
// autocannon), on PGlite and on PostgreSQL, beside the raw cost of the same inserts.
// classifier: model load time, per-ticket latency and Banking77 training time, in process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { benchClassifier, printClassifierTable } from './classifier';
import { benchDashboard, printDashboardTable } from './dashboard';
import { benchKbSearch, printKbTable } from './kb-search';
import { rawInsertRate, type RawTarget } from './raw-inserts';

const PARTS = ['api', 'classifier', 'kb', 'dashboard'] as const;
const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
if (args.only !== undefined && !PARTS.some((p) => p === args.only)) {
  console.error(`--only must be one of: ${PARTS.join(', ')}`);
  process.exit(1);
}
const runs = (part: (typeof PARTS)[number]) => args.only === undefined || args.only === part;

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'bench-password-123';

interface Row {
  driver: string;
  scenario: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rawPerSec?: number;
}

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = 3900 + Math.floor(Math.random() * 90);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), CLARA_DEMO: '0', CLARA_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('Clara is running') && resolve());
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
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

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ ...opts, connections: CONNECTIONS, duration: DURATION }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

async function benchServer(driver: string, env: Record<string, string>, raw: RawTarget): Promise<Row[]> {
  const { url, child } = await startServer(env);
  try {
    const headers = { authorization: `Bearer ${await adminToken(url)}`, 'content-type': 'application/json' };
    let n = 0;
    const create = await cannon({
      url: `${url}/api/tickets`,
      method: 'POST',
      headers,
      setupClient: (client) => {
        client.setBody(
          JSON.stringify({
            subject: `Benchmark ticket ${n++}`,
            description: 'The dashboard shows an error when exporting the monthly report to CSV.',
            channel: 'web',
            category: 'technical',
            priority: 'normal',
            customer: { email: `bench${n % 500}@example.com` },
          }),
        );
      },
    });
    const list = await cannon({ url: `${url}/api/tickets?limit=25&status=open`, headers });
    const rawPerSec = await rawInsertRate(raw, DURATION);
    const row = (scenario: string, r: autocannon.Result, extra: Partial<Row> = {}): Row => ({
      driver,
      scenario,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.non2xx,
      ...extra,
    });
    return [row('POST /api/tickets', create, { rawPerSec }), row('GET /api/tickets (25, filtered)', list)];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

async function benchApi() {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'clara-bench-'));
  try {
    rows.push(...(await benchServer('pglite', { CLARA_DATA_DIR: dir }, { kind: 'pglite', dir: `${dir}-raw` })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}-raw`, { recursive: true, force: true });
  }
  const name = `clara_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.query(`create database ${name}_raw`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    const rawUrl = new URL(PG_ADMIN_URL);
    rawUrl.pathname = `/${name}_raw`;
    rows.push(...(await benchServer('postgres', { DATABASE_URL: url.toString() }, { kind: 'postgres', url: rawUrl.toString() })));
  } catch (err) {
    console.error(`PostgreSQL part skipped: ${(err as Error).message}`);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.query(`drop database if exists ${name}_raw with (force)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
  console.log(`\n${CONNECTIONS} connections, ${DURATION} s per scenario\n`);
  console.log('| driver | scenario | req/s | p50 ms | p99 ms | errors | raw inserts/s | API / raw |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const ratio = r.rawPerSec ? `${((r.rps / r.rawPerSec) * 100).toFixed(1)} %` : '';
    console.log(
      `| ${r.driver} | ${r.scenario} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.rawPerSec?.toFixed(0) ?? ''} | ${ratio} |`,
    );
  }
}

if (runs('api')) await benchApi();
if (runs('classifier')) printClassifierTable(benchClassifier());
if (runs('kb')) {
  const sizes = (process.env.BENCH_KB_SIZES ?? '1000,10000,100000').split(',').map(Number);
  printKbTable(await benchKbSearch(sizes, sizes, PG_ADMIN_URL));
}
if (runs('dashboard')) printDashboardTable(await benchDashboard(Number(process.env.BENCH_DASHBOARD_TICKETS ?? 100_000), PG_ADMIN_URL));
