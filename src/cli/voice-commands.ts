import { resolve } from 'node:path';
import type { Command } from 'commander';
import { createContext } from '../context';
import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db';
import { DEMO_KB_DIR, importArticles, readDrafts } from '../modules/kb';
import { evaluateVoice, type VoiceEvalReport } from '../modules/voice';

function formatReport(report: VoiceEvalReport): string {
  const lines = report.rows.flatMap((r) => [`ref     ${r.reference}`, `stock   ${r.stock}`, `domain  ${r.domain}`, '']);
  lines.push(`word error rate on ${report.rows.length} sentences: stock model ${(report.werStock * 100).toFixed(1)} %, domain model ${(report.werDomain * 100).toFixed(1)} %`);
  return lines.join('\n');
}

export function addVoiceEvalCommand(evalCommand: Command): void {
  evalCommand
    .command('voice')
    .description('Word error rate of PocketSphinx, stock vs domain language model, on sentences spoken by espeak-ng')
    .option('--kb <path>', 'knowledge-base articles the domain model learns from (folder, HTML or CSV)', DEMO_KB_DIR)
    .option('--json', 'machine-readable output')
    .action(async (o: { kb: string; json?: boolean }) => {
      // A throw-away in-memory database: the eval never touches the team's data.
      const config = loadConfig(process.env, { LOG_LEVEL: 'warn', CLARA_DEMO: false, CLARA_JOBS: false, CLARA_EMBEDDINGS: 'off' });
      const ctx = await createContext({ config, database: await openDatabase({ dataDir: 'memory://' }) });
      try {
        const drafts = await readDrafts(resolve(o.kb));
        console.error(`… importing ${drafts.length} articles`);
        await importArticles(ctx, drafts);
        console.error('… building the domain language model and transcribing');
        const report = await evaluateVoice(ctx, { onProgress: (done, total) => console.error(`… ${done}/${total} sentences`) });
        console.log(o.json ? JSON.stringify(report, null, 2) : formatReport(report));
      } finally {
        await ctx.database.close();
      }
    });
}
