import type { Priority } from './labels.js';

export interface UrgencyMatch {
  priority: Extract<Priority, 'urgent' | 'high'>;
  reason: string;
}

const CANT = "(?:cannot|can't|cant|can not|unable to)";

// Ordered strongest first; the first match wins so the reason names the strongest cue.
const URGENT_PATTERNS: [string, RegExp][] = [
  ['production down', /\b(?:production|prod|site|system|service|server|app|platform|website)\s+(?:is\s+|went\s+)?down\b/],
  ['down for everyone', /\bdown for (?:everyone|everybody|all)\b/],
  ['outage', /\boutages?\b/],
  ['data loss', /\bdata loss\b|\blost (?:all )?(?:of )?(?:our |my )?data\b/],
  ['security breach', /\b(?:security |data )?breach(?:ed)?\b/],
  ['hacked', /\bhack(?:ed|er|ers)\b|\bransomware\b|\bcompromised\b/],
  ['cannot access anything', new RegExp(`\\b(?:${CANT} access anything|nobody can (?:log ?in|access|work))\\b`)],
  ['emergency', /\bemergency\b/],
  ['urgent', /\burgent(?:ly)?\b/],
  ['asap', /\basap\b/],
];

const HIGH_PATTERNS: [string, RegExp][] = [
  ['as soon as possible', /\bas soon as possible\b/],
  ['blocking', /\bblock(?:ing|ed|er)\b/],
  ['critical', /\bcritical\b/],
  ['deadline', /\bdeadline\b/],
  ['immediately', /\bimmediately\b|\bright away\b/],
  ['fraud', /\bfraud(?:ulent)?\b|\bstolen\b|\bunauthori[sz]ed\b/],
  ['cannot log in', new RegExp(`\\b${CANT} (?:log ?in|sign ?in)\\b|\\blocked out\\b`)],
];

// Customers often say what is *not* urgent; drop those phrases before matching.
const NEGATED = /\b(?:not|isn't|isnt|is not|no|non)[ -](?:an? )?(?:urgent|urgency|emergency|critical|rush|blocking|deadline)\b|\bno rush\b/g;

/** Keyword override on normalized text: raises priority, never lowers it. */
export function detectUrgency(normalized: string): UrgencyMatch | undefined {
  const text = normalized.replace(NEGATED, ' ');
  for (const [priority, patterns] of [['urgent', URGENT_PATTERNS], ['high', HIGH_PATTERNS]] as const) {
    for (const [name, pattern] of patterns) {
      const match = pattern.exec(text);
      if (match) return { priority, reason: `${priority} keyword "${name}" (matched "${match[0]}")` };
    }
  }
  return undefined;
}
