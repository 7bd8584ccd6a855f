// The part of a customer's message that asks something. In an email, greetings, context and
// signatures carry words no article has ("my husband's birthday", "near Kassel"); the question
// sentences carry what must be answered. Used for the out-of-scope features of the answer gate.

const ASKS = /^(?:how|what|whats|what's|when|where|why|which|who|whom|can|could|do|does|did|is|are|was|were|will|would|should|shall|may|might|have|has|any|i need|we need|i want|we want|i would like|we would like|i'd like|we'd like|please|tell me|let me know|is there|are there)\b/i;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The question sentences of a message (ending in "?" or opening like a question), or all of it when none does. */
export function questionFocus(message: string): string {
  const asked = sentences(message).filter((s) => s.includes('?') || ASKS.test(s));
  return asked.length > 0 ? asked.join(' ') : message;
}
