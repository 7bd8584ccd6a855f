import { maxPriority, type Priority } from './labels.js';
import { normalizeTicket } from './text-normalize.js';
import { detectUrgency } from './urgency-rules.js';

// Domain-neutral priority cues: what makes a ticket urgent or unimportant is said in the same words
// at a bank, a SaaS company or a shop ("nobody can work", "charged twice", "by Friday", "how do I",
// "would be great"). The model's priority head learned from banking intents and does not transfer,
// so these cues decide whenever one is present. Patterns run on the normalized (lowercased) text.

export interface PriorityCue {
  priority: Priority;
  reason: string;
}

const CANT = String.raw`(?:cannot|can't|cant|can not|unable to|couldn't|could not)`;

// Something is wrong: without such a word, a question is a how-to or a request for information.
export const PROBLEM =
  /\b(?:errors?|broken|broke|not working|(?:doesn't|does not|don't|do not|didn't|did not|isn't|is not|won't|wont) (?:work|load|open|show|arrive|sync|let)|can't|cant|cannot|unable|fail(?:s|ed|ing|ure)?|missing|wrong|incorrect|charged|never (?:arrived|came|got|received)|still (?:not|no|waiting|nothing|getting)|stuck|crash\w*|bugs?|down|lost|problems?|issues?|declined|invalid|expired|locked|disappeared|vanished|gone|damaged|torn|cracked|leak\w*|nothing|refused|rejected|duplicate|twice|instead of|unauthori[sz]ed|hacked|complain\w*)\b/;

const URGENT: [string, RegExp][] = [
  ['many people blocked', /(?=[\s\S]*\b(?:can't|cannot|unable|not working|down|fail\w*|error|blocked|locked|couldn't|logged out|kicked out|frozen|freez\w*|blank|white screen)\b)[\s\S]*\b(?:all (?:of )?(?:our|the|my|three|two|four|\d+) (?:\w+ )?(?:locations|stores|sites|shops|staff|users|employees|customers|teams|offices)|everyone is (?:locked|blocked|unable))\b|\b(?:nobody|no one|none of (?:us|our \w+)) (?:can|could|is able to)\b(?! (?:tell|explain|answer|say|help))/],
  ['records lost', /\b(?:all|whole|entire)\b[^.!?]{0,80}?\b(?:are|is|were|was|have been|has been) (?:now )?(?:gone|blank|empty|deleted|erased|missing)\b|\b(?:vanished|disappeared|wiped)\b[^.!?]{0,40}?\b(?:data|records|timesheets|orders|schedules?|files|reports|weeks)\b|\bdid (?:we|i) lose\b/],
  ['break-in', /\b(?:suspicious|strange|unknown|unrecogni[sz]ed) (?:log-?ins?|sign-?ins?|activity|access)\b|\b(?:someone|somebody) (?:else )?(?:is |has |must have )?(?:changed|placed|ordered|used|using|logged|accessed|got into|broke into|hacked)\b|\b(?:orders?|purchases?|payments?) (?:that )?(?:i|we) (?:didn't|did not|never) (?:place|make|order|authori[sz]e)\b|\b(?:sign-?ins?|log-?ins?) [^.!?]{0,30}from (?:another|a different|a foreign) (?:country|ip)\b|\bphishing\b|\bfake (?:page|site|website)\b|\bsomeone else'?s (?:orders?|data|account)\b/],
  ['safety', /\b(?:dangerous|unsafe|injur\w*|smell(?:ed)? gas|gas leak|caught fire|on fire|burn(?:ed|t) (?:my|me|him|her)|electric shock)\b/],
  ['site down', /\b(?:shop|store|website|site|checkout|app|system|service|platform)\b[^.!?]{0,20}\b(?:is |was )?down\b|\b(?:502|503|500) error\b|\berror (?:502|503|500)\b[^.!?]{0,40}\b(?:everyone|all|me and|us|friends|colleagues|customers)\b|\bcan't (?:place|make) any\b|\bcannot place any\b|\bany order\b[^.!?]{0,30}\b(?:fails?|error|wrong)\b/],
];

const HIGH: [string, RegExp][] = [
  ['money taken wrongly', /\b(?:charged (?:me |us )?(?:twice|two times|again|double|for|the wrong|my personal|instead)|cancel\w*\b[^.!?]{0,60}\b(?:still|but)\b[^.!?]{0,40}\b(?:charged|taken|debited|billed|deducted)|reverse (?:the|this|that) (?:charge|payment)|dispute (?:the|this|that) (?:charge|payment)|double(?:-| )charged?|two charges|wrong (?:amount|card|charge)|(?:unknown|unrecogni[sz]ed|don't recogni[sz]e) (?:charge|payment|transaction)|refund\w*[^.!?]{0,40}\b(?:not|never|still|yet)\b|(?:no|not received (?:my|the|a)?|haven't (?:got|received) (?:my|the|a)?) refund)\b/],
  ['cannot pay or order', new RegExp(String.raw`\b(?:payment|card|visa|mastercard|paypal|klarna)\b[^.!?]{0,30}\b(?:declined|fail(?:s|ed|ing)?|rejected|refused)\b|\b${CANT} (?:pay|order|check ?out|place)\b|\bpayment failed\b`)],
  ['keeps failing', /\b(?:has been|have been|keeps?|kept) fail\w*\b|\bfail(?:s|ed|ing) (?:since|every|each)\b/],
  ['locked out', new RegExp(String.raw`\b${CANT} (?:log ?in|sign ?in|get in|access|get past|clock in|publish)\b|\blocked out\b`)],
  ['delivery failed', /\b(?:marked|says|shows) (?:as )?delivered\b|\b(?:parcel|package|order|delivery) (?:never arrived|did ?n[o']t arrive|has not arrived|hasn't arrived|is missing|was lost|got lost)\b|\bwrong (?:item|size|colou?r|product)s? (?:sent|arrived|delivered)\b|\b(?:got|received|sent me) (?:a |an |the )?wrong\b|\barrived (?:damaged|broken|torn|cracked)\b|\b(?:torn|cracked|dented|crushed)\b/],
  ['deadline', /\b(?:due|closes|runs|deadline|needed|need (?:it|them|this|the order)|need to \w+|ends|expires|leave|trip|flight)\b[^.!?]{0,40}\b(?:today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this week|in \d+ hours?|before the weekend|by the weekend)\b|\b(?:payroll|deadline)\b[^.!?]{0,30}\b(?:today|tomorrow|due)\b|\bin the next hour\b|\bby tonight\b/],
  ['customer at the end of patience', /\b(?:unacceptable|ridiculous|outrageous|furious|livid|fed up|sick of|tired of|a joke|disgrace|worst|chargeback|lawyer|legal action|consumer (?:centre|center|protection)|report you)\b|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) (?:time|email|message)\b|\bstill no (?:answer|reply|refund)\b|\bnobody (?:answered|replied)\b/],
];

const ASKS = /^(?:(?:hi|hello|hey|dear [^,.!?]+|good (?:morning|afternoon))[,!.]?\s*)?(?:how (?:do|can|should|would|does|is|are)|how to|how much|how many|how long|how far|can|could|is|are|do|does|will|would|where|what|when|which|who|is there a way|any way)\b/;
// Asking for a person is not a low-priority question.
const WANTS_PERSON = /\b(?:call (?:me|us)|speak (?:to|with)|talk (?:to|with)|a (?:real )?(?:person|human|manager))\b/;
const WISH = /\b(?:would (?:be great|love|like to suggest|be nice|be helpful)|feature request|suggestion|it would help|please add|wish (?:list|you had)|could you add)\b/;
const THANKS = /^(?:thanks?|thank you|great|love|just wanted to say|brilliant|perfect|compliment|kudos)\b|\b(?:thank you|thanks) (?:for|to)\b[^.!?]*\b(?:great|brilliant|perfect|fast|quick|helpful|amazing)\b|\b(?:will buy again|keep it up|great (?:selection|service|job))\b|\b(?:thank you|thanks)(?: (?:so|very) much)?[.!]*$/;

function firstMatch(text: string, cues: [string, RegExp][], priority: Priority): PriorityCue | undefined {
  for (const [name, pattern] of cues) {
    const m = pattern.exec(text);
    if (m) return { priority, reason: `${priority}: ${name} (matched "${m[0].trim()}")` };
  }
  return undefined;
}

/**
 * The priority the words of a ticket ask for, or undefined when they say nothing either way.
 * `subject` and `body` are normalized text (lowercased, quotes and signatures cut).
 */
export function priorityCue(subject: string, body: string): PriorityCue | undefined {
  const text = `${subject}. ${body}`;
  const urgent = firstMatch(text, URGENT, 'urgent');
  if (urgent) return urgent;
  const high = firstMatch(text, HIGH, 'high');
  if (high) return high;
  if (PROBLEM.test(text) || WANTS_PERSON.test(text)) return undefined;
  const sentences = [subject, ...body.split(/(?<=[.!?])\s+|\n+/)].map((x) => x.trim()).filter(Boolean);
  const asks = sentences.map((x) => ASKS.exec(x)).find((m) => m !== null);
  if (asks) return { priority: 'low', reason: `low: a question without a problem (matched "${asks[0].trim()}")` };
  const wish = WISH.exec(text) ?? THANKS.exec(body.trim());
  if (wish) return { priority: 'low', reason: `low: a wish or thanks (matched "${wish[0].trim()}")` };
  return undefined;
}

/** Below this confidence the model's priority is not trusted on its own and the ticket is `normal`. */
export const MODEL_PRIORITY_TRUST = 0.8;

export interface PriorityDecision {
  priority: Priority;
  /** 1 when a cue or keyword decided, else the model's confidence (or 0 when it was not trusted). */
  confidence: number;
  reason?: string;
}

/**
 * The ticket's priority: an urgent or high cue when the words carry one, else the model's
 * priority when it is sure, else a low cue, else `normal`; the urgent/high keywords
 * (`detectUrgency`) then only ever raise it.
 */
export function decidePriority(ticket: { subject?: string; description?: string }, model: { priority: Priority; confidence: number }): PriorityDecision {
  const cue = priorityCue(normalizeTicket({ subject: ticket.subject }), normalizeTicket({ description: ticket.description }));
  const trusted = model.confidence >= MODEL_PRIORITY_TRUST;
  // An urgent or high cue names a concrete harm and wins; a sure model beats the weaker "low" cue.
  const strong = cue && cue.priority !== 'low';
  const base: PriorityDecision = strong
    ? { priority: cue.priority, confidence: 1, reason: cue.reason }
    : trusted
      ? { priority: model.priority, confidence: model.confidence }
      : cue
        ? { priority: cue.priority, confidence: 1, reason: cue.reason }
        : { priority: 'normal', confidence: 0 };
  const rule = detectUrgency(normalizeTicket(ticket));
  // Reported whenever the keyword decides the final priority, even if the model or a cue agreed.
  if (rule && maxPriority(base.priority, rule.priority) === rule.priority) return { priority: rule.priority, confidence: 1, reason: rule.reason };
  return base;
}
