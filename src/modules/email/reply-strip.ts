// Keeps what the customer wrote now: quoted history and signatures go (the raw mail is kept).

const QUOTE_HEADERS = [
  /^On\b.{0,200}\bwrote:\s*$/i,
  /^Le\b.{0,200}\ba écrit\s*:\s*$/i,
  /^Am\b.{0,200}\bschrieb\b.{0,100}:\s*$/i,
  /^El\b.{0,200}\bescribió:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine)\s*-{2,}\s*$/i,
  /^-{2,}\s*Forwarded message\s*-{2,}\s*$/i,
  /^_{10,}\s*$/,
];
const SIGNATURES = [/^-- ?$/, /^Sent from my \w+/i, /^Get Outlook for /i, /^Von meinem \w+ gesendet/i];
// Outlook quotes with a header block instead of "On … wrote:".
const OUTLOOK_FROM = /^\*?From:\*?\s.+/i;
const OUTLOOK_NEXT = /^\*?(Sent|Date|To|Subject):\*?\s/i;

function quoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!.trim();
    const joined = `${line} ${lines[i + 1]?.trim() ?? ''}`;
    if (QUOTE_HEADERS.some((re) => re.test(line))) return i;
    // "On Mon, 2 Mar 2026 at 10:00, Someone <a@b>" + "wrote:" wrapped onto the next line.
    if (/^On\b/i.test(line) && QUOTE_HEADERS[0]!.test(joined)) return i;
    if (OUTLOOK_FROM.test(line) && OUTLOOK_NEXT.test(lines[i + 1]?.trim() ?? '')) return i;
    if (SIGNATURES.some((re) => re.test(lines[i]!.trimEnd()))) return i;
  }
  return lines.length;
}

export function stripReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let end = quoteStart(lines);
  // A trailing block of "> " lines is quoted history even without a header line.
  while (end > 0 && (lines[end - 1]!.trim() === '' || lines[end - 1]!.trimStart().startsWith('>'))) end -= 1;
  const kept = lines.slice(0, end).join('\n').trim();
  return kept || text.trim();
}
