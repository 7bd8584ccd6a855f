import { z } from 'zod';

// Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder the text around
// them: in a name or subject they can make "invoice.exe" read as "exe.eciovni" or hide a word.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** A one-line label people read in lists (a name, a subject, a title): trimmed, bidi controls removed. */
export function labelText(min: number, max: number) {
  return z.string().transform((s) => withoutBidiControls(s).trim()).pipe(z.string().min(min).max(max));
}
