// Customers and help articles name the same thing differently ("log on" / "sign in",
// "invalid credentials" / "incorrect password"). Full-text search and the answer's
// coverage features only see shared words, so such a question looks uncovered.
// Each group below lists phrasings of one thing, preferred first. The canonical
// phrasing is the first one whose words all occur in the knowledge base, and the
// others are rewritten to it, so the rewrite follows whatever wording the KB uses
// and does nothing when the KB has none of them. Only general helpdesk vocabulary
// belongs here: never words taken from one KB's articles or from eval questions.
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['sign in', 'log in', 'login', 'log on', 'logon', 'signin', 'log into', 'sign into', 'login to'],
  ['signed in', 'logged in', 'logged on', 'logged into'],
  ['signing in', 'logging in', 'logging on', 'logging into'],
  ['sign out', 'log out', 'logout', 'log off', 'signout'],
  ['signed out', 'logged out', 'logged off'],
  [
    'incorrect password',
    'invalid credentials',
    'wrong credentials',
    'incorrect credentials',
    'bad credentials',
    'invalid password',
    'wrong password',
  ],
  ['forgot', 'forgotten', 'cant remember', 'dont remember', 'cannot remember'],
  ['reset password', 'recover password', 'retrieve password'],
  ['charged', 'billed'],
  ['cancel', 'unsubscribe'],
  ['refund', 'money back', 'reimbursement'],
  ['invoice', 'receipt'],
  ['invoices', 'receipts'],
  ['duplicate payment', 'charged twice', 'double charged', 'double charge', 'duplicate charge'],
  ['declined', 'bounced'],
  ['2fa', 'two factor', 'mfa', 'multi factor', '2 step', 'two step'],
  ['api key', 'api token', 'access token'],
  ['api keys', 'api tokens', 'access tokens'],
  ['slow', 'laggy', 'sluggish'],
  ['email', 'e mail'],
];

export interface PhraseRewrite {
  from: string;
  to: string;
}

interface Rule {
  from: string[];
  to: string[];
}

const split = (phrase: string) => phrase.split(' ');

const rulesCache = new WeakMap<ReadonlySet<string>, Rule[]>();

/** The active rewrite rules for a vocabulary, longest source phrase first (worked out once per vocabulary). */
export function synonymRules(vocabulary: ReadonlySet<string>): Rule[] {
  let rules = rulesCache.get(vocabulary);
  if (!rules) {
    rules = rulesFor(vocabulary);
    rulesCache.set(vocabulary, rules);
  }
  return rules;
}

function rulesFor(vocabulary: ReadonlySet<string>): Rule[] {
  const rules: Rule[] = [];
  for (const group of SYNONYM_GROUPS) {
    const canonical = group.find((phrase) => split(phrase).every((w) => vocabulary.has(w)));
    if (!canonical) continue;
    // A single word the KB itself uses already matches its own articles ("unsubscribe" in a
    // newsletter article must not become "cancel" and find the cancellation article).
    const own = (phrase: string) => !phrase.includes(' ') && vocabulary.has(phrase);
    for (const phrase of group) if (phrase !== canonical && !own(phrase)) rules.push({ from: split(phrase), to: split(canonical) });
  }
  return rules.sort((a, b) => b.from.length - a.from.length);
}

/** Rewrite known phrasings in a list of normalized words to the KB's own wording. */
export function rewriteSynonyms(words: readonly string[], rules: readonly Rule[]): { words: string[]; rewrites: PhraseRewrite[] } {
  const out: string[] = [];
  const rewrites: PhraseRewrite[] = [];
  let i = 0;
  while (i < words.length) {
    const rule = rules.find((r) => r.from.every((w, k) => words[i + k] === w));
    if (rule) {
      out.push(...rule.to);
      rewrites.push({ from: rule.from.join(' '), to: rule.to.join(' ') });
      i += rule.from.length;
    } else {
      out.push(words[i]);
      i += 1;
    }
  }
  return { words: out, rewrites };
}
