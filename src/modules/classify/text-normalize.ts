const REPLY_HEADER = /^\s*on\b[^\n]{0,200}?(?:\n[^\n]{0,200}?)?\bwrote:\s*$/im;
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:original message|forwarded message)\s*-{2,}/im;
// Outlook quotes history as a From:/Sent: header block instead of "On ... wrote:".
const OUTLOOK_HEADER = /^\s*from:[^\n]*\n\s*(?:sent|date):/im;
const SIGNATURE_DELIMITER = /^-- ?$/m;
const MOBILE_FOOTER = /^\s*sent from my [^\n]*$/im;
const CLOSER =
  /^\s*(?:best|kind|warm|warmest|many)?\s*(?:regards|wishes)[,.!]?\s*$|^\s*(?:best|cheers|thanks|thank you|many thanks|thanks in advance|sincerely|yours sincerely|yours truly|br)[,.!]?\s*$/i;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|aw|sv)\s*:\s*)+/i;

/** Placeholder tokens that URLs and e-mail addresses collapse to. */
export const URL_TOKEN = 'urltoken';
export const EMAIL_TOKEN = 'emailtoken';

function cutAt(text: string, pattern: RegExp): string {
  const match = pattern.exec(text);
  return match ? text.slice(0, match.index) : text;
}

// A closing line ("Best regards,") followed only by a few short lines is a sign-off,
// but "Thanks" followed by a real paragraph is not, so we only cut short tails.
function cutSignOff(text: string): string {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 6); i--) {
    if (!CLOSER.test(lines[i])) continue;
    const tail = lines.slice(i + 1).filter((l) => l.trim() !== '');
    if (tail.length <= 4 && tail.every((l) => l.trim().length <= 60)) {
      return lines.slice(0, i).join('\n');
    }
  }
  return text;
}

/** Removes quoted history, forwarded blocks and signatures; keeps the new message. */
export function stripEmailNoise(raw: string): string {
  // Some sources store line breaks as the two characters "\n".
  let text = raw.replace(/\r\n?/g, '\n').replace(/\\n/g, '\n');
  text = cutAt(text, REPLY_HEADER);
  text = cutAt(text, ORIGINAL_MESSAGE);
  text = cutAt(text, OUTLOOK_HEADER);
  text = cutAt(text, SIGNATURE_DELIMITER);
  text = cutAt(text, MOBILE_FOOTER);
  text = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>'))
    .join('\n');
  return cutSignOff(text.trimEnd());
}

/** Lowercased, noise-free text ready for tokenization. */
export function normalizeText(raw: string): string {
  return stripEmailNoise(raw)
    .replace(URL, ` ${URL_TOKEN} `)
    .replace(EMAIL, ` ${EMAIL_TOKEN} `)
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export function normalizeTicket(ticket: { subject?: string; description?: string }): string {
  const subject = (ticket.subject ?? '').replace(REPLY_PREFIX, '');
  const body = normalizeText(ticket.description ?? '');
  const head = normalizeText(subject);
  return head && body ? `${head} ${body}` : head || body;
}

/** Word tokens; apostrophes inside words are dropped so "can't" and "cant" match. */
export function tokenize(normalized: string): string[] {
  return normalized.replace(/'/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}
