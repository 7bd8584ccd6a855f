import Sentiment from 'sentiment';

// Phrase detectors for the escalation rules. Each returns the words that matched (so the history
// can quote them) or null. They are deliberately narrow: a false escalation costs a senior person's time.

export interface Detection {
  quote: string;
}

const analyzer = new Sentiment();

export interface SentimentScore {
  /** AFINN-165 sum over the words: below about -2 reads clearly negative. */
  score: number;
  comparative: number;
}

export function scoreSentiment(text: string): SentimentScore {
  const r = analyzer.analyze(text);
  return { score: r.score, comparative: Math.round(r.comparative * 1000) / 1000 };
}

function firstMatch(text: string, patterns: RegExp[]): Detection | null {
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) return { quote: m[0].trim() };
  }
  return null;
}

const WHO = String.raw`(?:real |actual |live |human )?(?:manager|supervisor|superior|boss|human|person|someone|somebody|agent|representative|rep|operator|team lead|people)s?`;
const NOT_A_THING = String.raw`(?!\s*(?:resources|account|role|module|permissions?|app|error|settings|approval|view|readable)\b)`;

const HUMAN_REQUEST = [
  // "speak to a manager", "talk with someone", "escalate this to your supervisor", "transfer me to an agent"
  new RegExp(
    String.raw`\b(?:speak|talk|chat|get through|put me through|connect me|transfer me|escalate (?:this|it|me|my (?:case|ticket|issue)))\b[\w\s',]{0,20}?\b(?:to|with)\s+(?:a |an |the |your |some |one of your )?${WHO}\b${NOT_A_THING}`,
    'i',
  ),
  // "I want a human", "get me a real person", "I need your supervisor"
  new RegExp(String.raw`\b(?:want|need|like|demand|request|get me|give me)\b[^.?!]{0,20}?\b(?:a|an|your)\s+(?:real |actual |live )?(?:human|person|manager|supervisor|agent|representative|operator)\b${NOT_A_THING}`, 'i'),
  /\b(?:real|actual|live)\s+(?:person|human|agent|people|being)\b/i,
  /\bhuman being\b|\b(?:human|person),? please\b/i,
  /\b(?:are you|is this|am i talking to) (?:just )?(?:a |an )?(?:bot|robot|machine)\b/i,
];

export function detectHumanRequest(text: string): Detection | null {
  return firstMatch(text, HUMAN_REQUEST);
}

const REPEAT_CONTACT = [
  /\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|\d+th|umpteenth|nth|several|multiple|many)\s+times?\b[^.!?]{0,30}?\b(?:writ|contact|ask|email|call|report|messag|reach|tell|complain|open|rais)\w*/i,
  /\b(?:writ|contact|email|report|messag|call)\w*\b[^.!?]{0,40}?\b(?:again|twice|(?:three|four|five|several|multiple|many|\d+) times)\b/i,
  /\b(?:already|previously)\s+(?:have\s+)?(?:written|wrote|contacted|reported|emailed|asked|called|opened)\b/i,
  /\bstill (?:not|isn't|hasn't been|has not been|wasn't|not been) (?:fixed|resolved|solved)\b/i,
];

export function detectRepeatContact(text: string): Detection | null {
  return firstMatch(text, REPEAT_CONTACT);
}

const THREAT = [
  /\b(?:cancel\w*|terminat\w*|end)\b[^.!?]{0,25}?\b(?:subscription|account|contract|plan|membership|service)\b/i,
  /\b(?:lawyer|attorney|legal action|sue|suing|lawsuit|court|solicitor|small claims|ombudsman|consumer protection|chargeback|report you)\b/i,
  /\b(?:switch\w* to|move\w* to|go\w* to) (?:a |another |your )?competitor\b|\btake (?:my|our) business elsewhere\b/i,
];

export function detectThreat(text: string): Detection | null {
  return firstMatch(text, THREAT);
}

const ANGER = [
  /\b(?:unacceptable|ridiculous|outrageous|furious|livid|fed up|disgust\w*|disgraceful|pathetic|incompetent|scam|worst|useless|joke|angry|sick of|tired of)\b/i,
];

export function detectAnger(text: string): Detection | null {
  return firstMatch(text, ANGER);
}

const DATA = String.raw`(?:data|files|documents|records|database|backups?|notes|photos|emails|everything)`;
const SECURITY_INCIDENT = [
  /\b(?:hack(?:ed|er|ers|ing)?|compromised|phishing|malware|ransomware|data breach|security breach)\b/i,
  /\bunauthori[sz]ed (?:access|logins?|charges?|transactions?|payments?|activity)\b/i,
  /\bsomeone (?:else )?(?:has )?(?:logged|logging|accessed|is using|used) (?:in|into )?(?:my|our)\b/i,
  /\bstolen (?:account|data|credentials|passwords?|identity|card)\b/i,
  /\b(?:data|passwords?|credentials|customer data|personal data|information) (?:was |were |got |has been |have been )?leak(?:ed)?\b|\bleak(?:ed|ing)? (?:our |my |customer )?(?:data|passwords|credentials)\b/i,
  new RegExp(String.raw`\b(?:lost|lose|losing)\s+(?:all\s+)?(?:of\s+)?(?:my |our |the )?${DATA}\b`, 'i'),
  new RegExp(String.raw`\b${DATA}\s+(?:is |are |has |have |was |were |got )?(?:been )?(?:deleted|wiped|erased|disappeared|vanished|gone|lost|corrupted)\b`, 'i'),
  /\bdata loss\b/i,
];

export function detectSecurityIncident(text: string): Detection | null {
  return firstMatch(text, SECURITY_INCIDENT);
}

export const DETECTORS = {
  human_request: detectHumanRequest,
  repeat_contact: detectRepeatContact,
  threat: detectThreat,
  anger: detectAnger,
  security_incident: detectSecurityIncident,
} as const;
export type DetectorName = keyof typeof DETECTORS;
