import { readFile } from 'node:fs/promises';

/** word → its pronunciation lines ("charged CH AA R JH D", "read(2) R EH D"), as in a CMU dictionary. */
export type Pronunciations = ReadonlyMap<string, string[]>;

const cache = new Map<string, Promise<Pronunciations>>();

export function loadPronunciations(path: string): Promise<Pronunciations> {
  let loading = cache.get(path);
  if (!loading) {
    loading = readFile(path, 'utf8').then(parsePronunciations);
    cache.set(path, loading);
    loading.catch(() => cache.delete(path));
  }
  return loading;
}

export function parsePronunciations(text: string): Pronunciations {
  const map = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const space = line.indexOf(' ');
    if (space <= 0) continue;
    const word = line.slice(0, space).replace(/\(\d+\)$/, '');
    const list = map.get(word) ?? [];
    list.push(line.trimEnd());
    map.set(word, list);
  }
  return map;
}

/** A dictionary with only the model's words: PocketSphinx loads it in milliseconds instead of a second. */
export function dictionaryFor(words: Iterable<string>, pronunciations: Pronunciations): string {
  const lines: string[] = [];
  for (const w of words) lines.push(...(pronunciations.get(w) ?? []));
  return `${lines.join('\n')}\n`;
}
