// Converts shared/datasets/bank-faq into the eval folder format (eval/README.md).
// Run: npx tsx ai/kb/eval-convert-bankfaq.ts [--data ../shared/datasets/bank-faq] [--out eval/bank-faq] [--seed 42]
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCsv } from '../../src/modules/kb/csv';
import { splitByAnswer } from './eval-metrics';

const { values: args } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/datasets/bank-faq' },
    out: { type: 'string', default: 'eval/bank-faq' },
    seed: { type: 'string', default: '42' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (args.help) {
  console.log('Usage: npx tsx ai/kb/eval-convert-bankfaq.ts [--data DIR] [--out DIR] [--seed N]\n');
  console.log('Writes OUT/dataset.json, OUT/articles/<answer id>.md (the answer texts) and OUT/questions.jsonl');
  console.log('(one line per questions.csv row; 80% of answer groups tune, 20% test, seeded). OUT/README.md is not touched.');
  process.exit(0);
}

type Row = Record<string, string>;

function readRecords(file: string): Row[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, (row[i] ?? '').trim()])));
}

// Slugs must be lowercase (ArticleDraft), so A0001 → a0001.
const slugOf = (answerId: string) => answerId.toLowerCase();

/**
 * 58 question texts are paired with several answers. Answers linked that way
 * form one group, so a question and all its relevant answers land in the same
 * split; the group is named by its smallest answer id.
 */
function answerGroups(questions: readonly Row[]): (answerId: string) => string {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    const p = parent.get(id) ?? id;
    if (p === id) return id;
    const root = find(p);
    parent.set(id, root);
    return root;
  };
  const firstAnswerOf = new Map<string, string>();
  for (const { question, answer_id: id } of questions) {
    const first = firstAnswerOf.get(question);
    if (first === undefined) {
      firstAnswerOf.set(question, id);
      continue;
    }
    const [a, b] = [find(first), find(id)].sort();
    if (a !== b) parent.set(b, a);
  }
  return find;
}

const dataDir = resolve(args.data);
const outDir = resolve(args.out);
const answers = readRecords(join(dataDir, 'answers.csv'));
const questions = readRecords(join(dataDir, 'questions.csv'));

const articlesDir = join(outDir, 'articles');
rmSync(articlesDir, { recursive: true, force: true });
mkdirSync(articlesDir, { recursive: true });
for (const a of answers) {
  const source = `---\ntitle: ${a.answer_id}\ncategory: general\ntags: [${a.class}]\n---\n\n${a.answer}\n`;
  writeFileSync(join(articlesDir, `${slugOf(a.answer_id)}.md`), source);
}

const relevantOf = new Map<string, Set<string>>();
for (const q of questions) relevantOf.set(q.question, (relevantOf.get(q.question) ?? new Set()).add(slugOf(q.answer_id)));
const groupOf = answerGroups(questions);
const rows = questions.map((q, i) => ({ id: `q${String(i + 1).padStart(4, '0')}`, question: q.question, answerId: q.answer_id }));
const { tune } = splitByAnswer(rows, (q) => groupOf(q.answerId), Number(args.seed), 0.8);
const tuneIds = new Set(tune.map((q) => q.id));
const lines = rows.map((q) =>
  JSON.stringify({
    id: q.id,
    question: q.question,
    relevant: [...(relevantOf.get(q.question) ?? [])].sort(),
    split: tuneIds.has(q.id) ? 'tune' : 'test',
    style: 'faq',
  }),
);
writeFileSync(join(outDir, 'questions.jsonl'), `${lines.join('\n')}\n`);
writeFileSync(
  join(outDir, 'dataset.json'),
  `${JSON.stringify({ name: 'bank-faq', articles_dir: 'articles', description: 'Converted from shared/datasets/bank-faq; see README.md.' }, null, 2)}\n`,
);
console.log(`${answers.length} articles, ${rows.length} questions (${tuneIds.size} tune, ${rows.length - tuneIds.size} test) → ${outDir}`);
