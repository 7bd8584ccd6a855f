// Phrase detectors for the escalation rules. Each returns the words that matched (so the history
// can quote them) or null. They are deliberately narrow: a false escalation costs a senior person's time.

export interface Detection {
  quote: string;
}

// Scored where customers' messages are stored (the tickets module); the rules read it.
export { scoreSentiment, type SentimentScore } from '../tickets';

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
  // "can a person call me", "please have someone who knows the product call me", "call me back"
  /\b(?:someone|somebody|a person|a human|an agent|a manager|anyone|one of you)\b[^.?!]{0,50}?\b(?:call|phone|ring|contact)\s+(?:me|us)\b/i,
  /\b(?:please|can you|could you|would you)\s+(?:call|phone|ring)\s+(?:me|us)\b|\b(?:call|phone|ring)\s+(?:me|us)\s+(?:back|today|asap|please)\b/i,
];

export function detectHumanRequest(text: string): Detection | null {
  return firstMatch(text, HUMAN_REQUEST);
}

const CONTACTED = String.raw`(?:writ\w*|wrote|contact\w*|ask\w*|email\w*|report\w*|messag\w*|call\w*|chat\w*|rais\w*|complain\w*|told)`;
const REPEAT_CONTACT = [
  /\b(?:second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|\d+th|umpteenth|nth|several|multiple|many)\s+times?\b[^.!?]{0,30}?\b(?:writ|wrote|contact|ask|email|call|report|messag|reach|tell|complain|open|rais)\w*/i,
  // "asked for a reset link 4 times" asks the product for something, not us about it
  new RegExp(String.raw`\b${CONTACTED}\b(?! for (?:a|an|the|another|new) )[^.!?\n]{0,40}?\b(?:again|twice|(?:three|four|five|six|several|multiple|many|\d+) times)\b`, 'i'),
  /\b(?:already|previously)\s+(?:have\s+)?(?:written|wrote|contacted|reported|emailed|asked|called|opened|complained)\b/i,
  /\bstill (?:not|isn't|hasn't been|has not been|wasn't|not been) (?:fixed|resolved|solved|sorted)\b/i,
  // "nobody answered", "no one has replied", "still no answer", "haven't heard back"
  /\b(?:nobody|no one|noone|no-one)\s+(?:has\s+|have\s+|ever\s+)?(?:answered|replied|responded|got back|gotten back|called back|helped)\b/i,
  /\bstill\s+(?:no|not a(?:ny)?|haven't had a(?:ny)?|have not had a(?:ny)?)\s+(?:answer|reply|response|word|update)\b|\b(?:haven't|have not|never)\s+heard back\b/i,
  // "you told me on Monday it was fixed", "you promised a refund two weeks ago"
  /\byou\s+(?:told|promised|said|assured)\b[^.!?]{0,60}?\b(?:fixed|sorted|resolved|refund\w*|solved|on (?:its|the) way)\b/i,
  /\b(?:last|previous|earlier|other)\s+(?:ticket|email|message|chat|call|case)s?\b[^.!?]{0,30}?\b(?:about|regarding|on)\b|\bagain on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i,
  /\bfor the (?:second|third|fourth|fifth|2nd|3rd|4th|5th|\d+th|umpteenth|nth) time\b|\b(?:yet|once) again\b[^.!?]{0,30}?\b(?:writ|contact|ask|email|report|complain|messag)\w*|\bhow many times (?:do|must|should|have) i\b/i,
];

export function detectRepeatContact(text: string): Detection | null {
  return firstMatch(text, REPEAT_CONTACT);
}

// Legal steps, a chargeback or a regulator: a person must answer, however calm the wording.
const LEGAL_THREAT = [
  /\b(?:lawyer|attorney|legal action|legal department|legal representative|legal steps|sue|suing|lawsuit|court|solicitor|small claims|ombudsman|consumer protection|consumer (?:centre|center|agency|office|rights)|trading standards|regulator|chargeback|charge ?back|report you)\b/i,
  /\b(?:dispute|disputing|contest\w*)\s+(?:the|this|that|these|a)?\s*(?:charges?|payments?|transactions?)\b|\b(?:my|our) (?:bank|credit card company|card issuer)\b[^.!?]{0,30}?\b(?:dispute|reverse|chargeback|claim|contacted|call)\w*/i,
];

export function detectLegalThreat(text: string): Detection | null {
  return firstMatch(text, LEGAL_THREAT);
}

const THREAT = [
  /\b(?:cancel\w*|terminat\w*|end)\b[^.!?]{0,25}?\b(?:subscription|account|contract|plan|membership|service)\b/i,
  ...LEGAL_THREAT,
  /\b(?:switch\w* to|move\w* to|moving to|go\w* to) (?:a |another |your |some other |other )?(?:competitor|provider|vendor|supplier|tool|shop|store|company)\b|\btake (?:my|our) business elsewhere\b/i,
  /\b(?:i'm|i am|we're|we are) (?:done|finished) with\b|\bnever (?:again|buying|ordering|shopping)\b/i,
  /\b(?:you(?:'ve| have) lost (?:a|me as a|us as a) customer|(?:leave|write|post) (?:a |an )?(?:bad|negative|1-star|one-star|one star) review|(?:post|share) (?:this|it) (?:on|to) (?:social media|twitter|facebook|reddit|trustpilot))\b/i,
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

// Frustration strong enough to need a person on its own, without a negative sentiment score:
// sarcasm and resignation often score neutral or positive ("a joke", "thanks for nothing").
const FRUSTRATION = [
  /\b(?:this|that|it|which) is (?:absolutely |completely |totally |just |simply )?(?:unacceptable|ridiculous|outrageous|a joke|a disgrace|a scandal|insane|beyond a joke)\b/i,
  /\b(?:is|are|was) a (?:joke|disgrace|scam)\b|\b(?:fed up|sick and tired|sick of|tired of|had enough|furious|livid|disgusted)\b/i,
  /\bwhat kind of (?:service|support|company|shop|business)\b|\bthanks for nothing\b|\bare you (?:serious|kidding|joking)\b|\bhow (?:hard|difficult) (?:can|is) it\b/i,
  /\b(?:worst|terrible|awful|horrible|appalling|shocking) (?:\w+ )?(?:experience|service|support|customer service|company)\b|\b(?:completely|totally) useless\b|\bis (?:anyone|anybody) (?:even )?(?:testing|reading|listening|there)\b/i,
  /\b(?:extremely|very|really|so|deeply|beyond) (?:disappointed|frustrated|upset|annoyed|angry)\b|\b(?:i've|i have|we've|we have) had (?:it|enough)\b|\benough is enough\b|\bappalled\b|\b(?:i|we) (?:demand|insist on) (?:a |an |my |our )?(?:refund|compensation|explanation|answer)\b/i,
];

export function detectFrustration(text: string): Detection | null {
  return firstMatch(text, FRUSTRATION);
}

const DATA = String.raw`(?:data|files|documents|records|database|backups?|notes|photos|emails|everything)`;
const SECURITY_INCIDENT = [
  /\b(?:hack(?:ed|er|ers|ing)?|compromised|phishing|malware|ransomware|data breach|security breach)\b/i,
  /\bunauthori[sz]ed (?:access|logins?|charges?|transactions?|payments?|activity)\b/i,
  /\b(?:someone|somebody) (?:else )?(?:has )?(?:logged|logging|accessed|is using|used|got into|broke into) (?:in|into )?(?:my|our)\b/i,
  // "an order confirmation for boots I didn't order", "payments we never made"
  /\b(?:orders?|purchases?|payments?|charges?|transactions?)\b[^.!?]{0,40}?\b(?:i|we) (?:didn't|did not|never) (?:place|make|made|order|authori[sz]e|buy)\b/i,
  /\bstolen (?:account|data|credentials|passwords?|identity|card)\b/i,
  /\b(?:data|passwords?|credentials|customer data|personal data|information) (?:was |were |got |has been |have been )?leak(?:ed)?\b|\bleak(?:ed|ing)? (?:our |my |customer )?(?:data|passwords|credentials)\b/i,
  new RegExp(String.raw`\b(?:lost|lose|losing)\s+(?:all\s+)?(?:of\s+)?(?:my |our |the )?${DATA}\b`, 'i'),
  new RegExp(String.raw`\b${DATA}\s+(?:is |are |has |have |was |were |got )?(?:been )?(?:deleted|wiped|erased|disappeared|vanished|gone|lost|corrupted)\b`, 'i'),
  /\bdata loss\b/i,
  // Records that vanished: "all the timesheets are gone", "weeks 3 to 6 are blank", "did we lose them?"
  /(?:\b(?:our|my|all|everything|all of (?:our|my|the))\b[^.!?]{0,40}?|^\s*\w+s\s+)(?:vanished|disappeared|got wiped|been wiped|were wiped|was wiped|wiped out)\b/im,
  /\b(?:all|whole|entire|every)\b[^.!?]{0,50}?\b(?:is|are|were|was|has been|have been)\s+(?:now\s+)?(?:gone|blank|empty|missing|erased|deleted)\b/i,
  /\b(?:did|have|has|will)\s+(?:we|i|you)\s+(?:just\s+)?(?:lose|lost)\b|\b(?:cannot|can't|can not)\s+(?:afford to\s+)?lose\s+(?:this|these|that|our|my|the)\b/i,
  // "sign-ins from another country", "strange logins", "someone placed an order with my card"
  /\b(?:strange|suspicious|unknown|unrecogni[sz]ed|odd|weird|unusual)\s+(?:log-?ins?|sign-?ins?|logons?|activity|access|devices?|sessions?)\b/i,
  /\b(?:log-?ins?|sign-?ins?|logged in|signed in|access)\b[^.!?]{0,40}?\bfrom\b[^.!?]{0,25}?\b(?:another|other|different|foreign|unknown|strange) (?:country|location|city|ip|device)\b/i,
  /\b(?:someone|somebody) (?:else )?(?:changed|placed|ordered|used|reset|took over)\b|\b(?:fake|phishing|spoofed|fraudulent) (?:page|site|website|email|e-mail|link|login)\b|\bsomeone else'?s (?:data|orders?|account|details|address)\b/i,
];

export function detectSecurityIncident(text: string): Detection | null {
  return firstMatch(text, SECURITY_INCIDENT);
}

// A product that hurt someone or could: a person must look now, whatever else the message says.
const SAFETY = [
  /\b(?:injur(?:y|ies|ed)|hurt (?:me|him|her|my|our|us|someone)|burn(?:ed|t) (?:me|my|him|her|our)|caught fire|on fire|smell(?:ed|s)? (?:of )?gas|gas leak|leaking gas|electric(?:al)? shock|exploded|dangerous|unsafe|hazard(?:ous)?|choking|poison(?:ed|ing)?)\b/i,
];

export function detectSafety(text: string): Detection | null {
  return firstMatch(text, SAFETY);
}

export const DETECTORS = {
  human_request: detectHumanRequest,
  repeat_contact: detectRepeatContact,
  threat: detectThreat,
  legal_threat: detectLegalThreat,
  anger: detectAnger,
  frustration: detectFrustration,
  security_incident: detectSecurityIncident,
  safety: detectSafety,
} as const;
export type DetectorName = keyof typeof DETECTORS;
