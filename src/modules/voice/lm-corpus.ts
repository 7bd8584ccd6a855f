import type { Pronunciations } from './pronunciations';

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

// People say "error five hundred", so the model must know numbers as words.
export function numberToWords(n: number): string {
  if (n < 20) return ONES[n]!;
  if (n < 100) return `${TENS[Math.floor(n / 10)]}${n % 10 ? ` ${ONES[n % 10]}` : ''}`;
  if (n < 1000) return `${ONES[Math.floor(n / 100)]} hundred${n % 100 ? ` ${numberToWords(n % 100)}` : ''}`;
  if (n < 10_000) return `${numberToWords(Math.floor(n / 1000))} thousand${n % 1000 ? ` ${numberToWords(n % 1000)}` : ''}`;
  return n.toString().split('').map((d) => ONES[Number(d)]).join(' ');
}

function spokenForm(text: string): string {
  return text
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, ' . ')
    .replace(/[`*_#>|[\](){}"“”]/g, ' ')
    .replace(/[$€£]/g, ' ')
    .replace(/\d+/g, (d) => ` ${numberToWords(Number(d))} `)
    .replace(/[’]/g, "'");
}

/**
 * Sentences as word lists the recogniser can use. A word missing from the pronunciation dictionary
 * would make PocketSphinx refuse the model, so the sentence is cut there instead of bridging the gap
 * with a bigram that was never said.
 */
export function corpusSentences(texts: Iterable<string>, pronunciations: Pronunciations): string[][] {
  const out: string[][] = [];
  for (const text of texts) {
    for (const sentence of spokenForm(text).split(/[.!?;:\n]+|\s-\s/)) {
      let run: string[] = [];
      for (const raw of sentence.split(/[^a-z']+/)) {
        const word = raw.replace(/^'+|'+$/g, '');
        if (!word) continue;
        if (pronunciations.has(word)) {
          run.push(word);
        } else {
          if (run.length) out.push(run);
          run = [];
        }
      }
      if (run.length) out.push(run);
    }
  }
  return out;
}
