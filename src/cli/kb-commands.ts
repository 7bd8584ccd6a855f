import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { AppContext } from '../context';
import { createContext } from '../context';
import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db';
import { importArticles, readDrafts } from '../modules/kb';
import { loadEvalDataset } from '../../ai/kb/eval-dataset';
import { formatAutoResolveTable, formatRetrievalReport } from '../../ai/kb/eval-runners';
import { runKbEval } from '../../ai/kb/kb-eval.service';

type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

// An eval runs in a throw-away in-memory database so it never touches the team's knowledge base.
export async function withEvalContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env, { LOG_LEVEL: 'warn', CLARA_DEMO: false, CLARA_JOBS: false });
  const ctx = await createContext({ config, database: await openDatabase({ dataDir: 'memory://' }) });
  try {
    await ctx.kb.start();
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

export function addKbCommands(program: Command, withContext: WithContext): void {
  const kb = program.command('kb').description('Knowledge base');
  kb.command('import')
    .description('Import articles: a folder of Markdown files, an HTML file, or a CSV of question,answer')
    .argument('<path>', 'folder or file')
    .option('--draft', 'import as drafts instead of publishing')
    .action(async (path: string, o: { draft?: boolean }) => {
      await withContext(async (ctx) => {
        await ctx.kb.start();
        const drafts = await readDrafts(resolve(path));
        const bar = new cliProgress.SingleBar({ format: '{stage} [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic);
        bar.start(drafts.length, 0, { stage: 'articles' });
        const result = await importArticles(ctx, drafts, {
          publish: !o.draft,
          onProgress: (p) => (p.stage === 'articles' ? bar.update(p.done) : bar.update(p.done, { stage: 'embeddings' })),
        });
        bar.stop();
        console.log(`${result.created} created, ${result.updated} updated, ${result.embedded} chunks embedded (retrieval: ${ctx.kb.mode})`);
      });
    });
}

type EvalReport = Awaited<ReturnType<typeof runKbEval>>;

const EVALS: { name: string; description: string; print: (r: EvalReport, ctx: AppContext, json: boolean, split: string) => string }[] = [
  {
    name: 'retrieval',
    description: 'Recall@1, recall@5 and MRR@10 of the knowledge-base search on an eval folder (see eval/README.md)',
    print: (r, ctx, json) =>
      json
        ? JSON.stringify({ retrieval_mode: ctx.kb.mode, ...r.retrieval }, null, 2)
        : `retrieval mode: ${ctx.kb.mode}\n${formatRetrievalReport(r.retrieval, { maxMisses: 10 })}`,
  },
  {
    name: 'autoresolve',
    description: 'Auto-resolve precision and coverage at thresholds 0.5–0.95, unanswerable questions included',
    print: (r, ctx, json, split) =>
      json
        ? JSON.stringify(r.autoResolve, null, 2)
        : `threshold in use: ${ctx.config.CLARA_AUTORESOLVE_THRESHOLD}; lowest reaching 97% precision on the tune split: ${r.autoResolve.picked ?? 'none'}\n\n` +
          `${split} split:\n${formatAutoResolveTable(r.autoResolve.test, { picked: r.autoResolve.picked })}`,
  },
];

export function addKbEvalCommands(evalCommand: Command): void {
  for (const e of EVALS) {
    evalCommand
      .command(e.name)
      .description(e.description)
      .requiredOption('--dataset <folder>', 'eval folder, e.g. eval/kb-demo')
      .option('--split <split>', 'tune or test', 'test')
      .option('--json', 'machine-readable output')
      .action(async (o: { dataset: string; split: 'tune' | 'test'; json?: boolean }) => {
        await withEvalContext(async (ctx) => {
          const dataset = await loadEvalDataset(resolve(o.dataset));
          const report = await runKbEval(ctx, dataset, { split: o.split, onProgress: (s) => console.error(`… ${s}`) });
          console.log(e.print(report, ctx, Boolean(o.json), o.split));
        });
      });
  }
}
