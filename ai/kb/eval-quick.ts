// Both knowledge-base reports on an in-memory PGlite (or $DATABASE_URL): npx tsx ai/kb/eval-quick.ts [eval/kb-demo|eval/bank-faq]
import { createContext } from '../../src/context';
import { openDatabase } from '../../src/core/db';
import { testConfig } from '../../src/testing/test-app';
import { loadEvalDataset } from './eval-dataset';
import { runKbEval } from './kb-eval.service';
import { formatAutoResolveTable, formatRetrievalReport } from './eval-runners';

const folder = process.argv[2] ?? 'eval/kb-demo';
const ctx = await createContext({ config: testConfig(), database: await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL, dataDir: '' } : { dataDir: 'memory://' }) });
await ctx.kb.start();
const ds = await loadEvalDataset(folder);
const t0 = Date.now();
const r = await runKbEval(ctx, ds, { onProgress: (s) => console.error(s, Date.now() - t0) });
console.log(formatRetrievalReport(r.retrieval, { maxMisses: 15 }));
console.log('tune'); console.log(formatAutoResolveTable(r.autoResolve.tune, { picked: r.autoResolve.picked }));
console.log('test'); console.log(formatAutoResolveTable(r.autoResolve.test));
await ctx.database.close();
