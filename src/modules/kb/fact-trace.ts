// Every concrete fact in a written (LLM) answer must come from a source it cites: a number, a
// price, a time of day, a menu path, an email address or a web address that no cited source
// states is invented, and an invented limit or price is worse than no answer. The extractive
// answer is made of source sentences and needs no such check.
import type { RetrievedChunk } from './answer.schema';
import { citedNumbers } from './grounded-prompt';

export interface UntracedFact {
  /** The fact as written in the answer. */
  fact: string;
  /** The answer sentence it is in. */
  sentence: string;
}

/** Case, Markdown emphasis, arrow styles, dash styles and thousands separators do not matter. */
export function traceText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/\s*(?:→|->|›|»|>)\s*/g, ' > ')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/\s+/g, ' ');
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const URL = /\b(?:https?:\/\/)?(?:[\w-]+\.)+(?:example|com|org|net|io|de|co\.uk|app)(?:\/[\w\-./?=&%#]*)?/gi;
// A menu path: two or more labels joined by arrows ("Settings → Billing → Invoices").
const MENU_PATH = /[\p{L}\d][\p{L}\d ()&'-]{0,40}?(?:\s*(?:→|->|›|»|>)\s*[\p{L}\d][\p{L}\d ()&'-]{0,40}?)+(?=[.,;:!?)\]\n]|\s\[|$)/gu;
// A number with its decimals ("4.95", "14", "1,000", "14:00"); years and ids are numbers too.
const NUMBER = /\d+(?:[.,:]\d+)*/g;

function sentencesOf(answer: string): string[] {
  return answer
    .split(/(?<=[.!?])\s+(?=[A-Z0-9*[])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function factsOf(sentence: string): { fact: string; needles: string[] }[] {
  const text = sentence.replace(/\[(?:source\s*)?\d{1,3}(?:\s*(?:[,;–-]|and)\s*\d{1,3})*\]/gi, ' ');
  const facts: { fact: string; needles: string[] }[] = [];
  const taken: string[] = [];
  for (const m of text.match(EMAIL) ?? []) {
    facts.push({ fact: m, needles: [m] });
    taken.push(m);
  }
  for (const m of text.match(URL) ?? []) {
    if (taken.some((t) => t.includes(m) || m.includes(t))) continue;
    facts.push({ fact: m, needles: [m.replace(/^https?:\/\//, '').replace(/[./]+$/, '')] });
    taken.push(m);
  }
  for (const m of text.match(MENU_PATH) ?? []) {
    const labels = m.split(/\s*(?:→|->|›|»|>)\s*/).map((l) => l.trim()).filter(Boolean);
    // "Go to Settings → Billing": the first label starts at its last capitalized word ("My account" stays whole).
    const words = labels[0]!.split(/\s+/);
    const start = Math.max(0, words.findLastIndex((w) => /^\p{Lu}/u.test(w)));
    const first = words.slice(start).join(' ');
    const arrow = /→|->|›|»|>/.exec(m)![0];
    facts.push({ fact: [first, ...labels.slice(1)].join(` ${arrow} `), needles: [first, ...labels.slice(1)] });
    taken.push(m);
  }
  const rest = taken.reduce((s, t) => s.replace(t, ' '), text);
  for (const m of rest.match(NUMBER) ?? []) facts.push({ fact: m, needles: [m] });
  return facts;
}

function contains(haystack: string, needle: string): boolean {
  const n = traceText(needle).trim();
  if (n === '') return true;
  // Numbers must match whole ("14" is not found in "140").
  if (/^[\d.,:]+$/.test(n)) return new RegExp(`(?<![\\d.,:])${n.replace(/[.]/g, '\\.')}(?![\\d]|[.,:]\\d)`).test(haystack);
  // The last word of a label may be inflected ("Invoice" in "Invoices").
  return haystack.includes(n) || haystack.includes(n.replace(/s$/, ''));
}

/**
 * The facts of `answer` that none of the sources its sentence cites states. A sentence without a
 * citation is checked against every source the answer cites. `sources` are the numbered chunks
 * of `buildGroundedPrompt` ([1] is `sources[0]`).
 */
export function untracedFacts(answer: string, sources: readonly RetrievedChunk[]): UntracedFact[] {
  const texts = sources.map((s) => traceText(s.text));
  const citedAnywhere = [...new Set(citedNumbers(answer))].filter((n) => texts[n - 1] !== undefined);
  const untraced: UntracedFact[] = [];
  for (const sentence of sentencesOf(answer)) {
    const own = citedNumbers(sentence).filter((n) => texts[n - 1] !== undefined);
    const cited = (own.length > 0 ? own : citedAnywhere).map((n) => texts[n - 1]!);
    for (const { fact, needles } of factsOf(sentence)) {
      if (!cited.some((text) => needles.every((needle) => contains(text, needle)))) untraced.push({ fact, sentence });
    }
  }
  return untraced;
}
