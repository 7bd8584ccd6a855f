import { resolve } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../core/rbac';
import { askKb, importArticles } from '../modules/kb';
import { editQueue } from '../modules/escalation';
import { ensureDefaultQueuesAndSlas, findQueueByName } from '../modules/queues';
import { loadDomainDataset } from '../../ai/eval/domain-dataset';
import { evaluateDomain, type DomainReport } from '../../ai/eval/domain-eval';
import { formatDomainReport } from '../../ai/eval/domain-report';
import { withEvalContext } from './kb-commands';

// Each company gets its own throw-away database: its knowledge base is all Clara knows.
async function runOne(folder: string, split: 'tune' | 'test', onProgress: (s: string) => void): Promise<DomainReport> {
  const dataset = await loadDomainDataset(resolve(folder));
  return withEvalContext(async (ctx) => {
    onProgress(`${dataset.name}: importing ${dataset.articles.length} articles`);
    await importArticles(ctx, dataset.articles);
    // The team's queue descriptions, through the same service as PATCH /api/queues/:id.
    await ensureDefaultQueuesAndSlas(ctx.db);
    for (const q of dataset.queues) {
      const row = await findQueueByName(ctx.db, q.name);
      if (!row) throw new Error(`${dataset.name}/queues.json: no queue named "${q.name}"`);
      await editQueue(ctx, { actor: systemActor }, row.id, { description: q.description });
    }
    onProgress(`${dataset.name}: ${dataset.tickets.length} tickets, ${dataset.questions.length} questions (${split} split)`);
    return evaluateDomain(
      dataset,
      {
        ask: (q) => askKb(ctx, q),
        classify: (t) => ctx.classifier.predict(t),
        threshold: ctx.config.CLARA_AUTORESOLVE_THRESHOLD,
      },
      split,
    );
  });
}

export function addDomainEvalCommand(evalCommand: Command): void {
  evalCommand
    .command('domain')
    .description("Classifier, escalation, answers and the auto-resolve gate on a company Clara was not built on (eval/rosterly, eval/fernhill, eval/kitewire)")
    .argument('<folders...>', 'eval folders with articles, questions.jsonl and tickets.jsonl')
    .option('--split <split>', 'tune or test', 'test')
    .option('--misses <n>', 'list up to n misses of each kind', '0')
    .option('--json', 'machine-readable output')
    .action(async (folders: string[], o: { split: 'tune' | 'test'; misses: string; json?: boolean }) => {
      const reports: DomainReport[] = [];
      for (const folder of folders) reports.push(await runOne(folder, o.split, (s) => console.error(`… ${s}`)));
      if (o.json) console.log(JSON.stringify(reports, null, 2));
      else console.log(reports.map((r) => formatDomainReport(r, { misses: Number(o.misses) })).join('\n\n'));
    });
}
