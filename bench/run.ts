// npm run bench [-- --only api|profile|list|classifier|kb|dashboard]
// api: the default ticket create path (no labels, demo knowledge base) at 1, 8 and 32 clients, a list
// and a mixed load, on PGlite and on PostgreSQL, beside a floor of the same writes (bench/api.ts).
// classifier: model load time, per-ticket latency and Banking77 training time, in process.
import { parseArgs } from 'node:util';
import { benchApi, printApiTable } from './api';
import { benchClassifier, printClassifierTable } from './classifier';
import { benchDashboard, printDashboardTable } from './dashboard';
import { benchKbSearch, printKbTable } from './kb-search';
import { profileCreates } from './profile';
import { benchList, printListTable } from './list';

const PARTS = ['api', 'profile', 'list', 'classifier', 'kb', 'dashboard'] as const;
const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
if (args.only !== undefined && !PARTS.some((p) => p === args.only)) {
  console.error(`--only must be one of: ${PARTS.join(', ')}`);
  process.exit(1);
}
const runs = (part: (typeof PARTS)[number]) => args.only === undefined || args.only === part;

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

if (runs('api')) printApiTable(await benchApi(PG_ADMIN_URL, DURATION), DURATION);
if (runs('profile')) await profileCreates(Number(process.env.BENCH_PROFILE_CREATES ?? 800), process.env.BENCH_PROFILE_DB === 'postgres' ? PG_ADMIN_URL : undefined);
if (runs('list')) {
  const n = Number(process.env.BENCH_LIST_TICKETS ?? 100_000);
  printListTable(await benchList(n, PG_ADMIN_URL, DURATION), n, DURATION);
}
if (runs('classifier')) printClassifierTable(benchClassifier());
if (runs('kb')) {
  const sizes = (process.env.BENCH_KB_SIZES ?? '1000,10000,100000').split(',').map(Number);
  printKbTable(await benchKbSearch(sizes, sizes, PG_ADMIN_URL));
}
if (runs('dashboard')) printDashboardTable(await benchDashboard(Number(process.env.BENCH_DASHBOARD_TICKETS ?? 100_000), PG_ADMIN_URL));
