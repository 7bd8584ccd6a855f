import Sentiment from 'sentiment';

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

export function isSentiment(v: unknown): v is SentimentScore {
  return typeof v === 'object' && v !== null && typeof (v as SentimentScore).score === 'number';
}

/**
 * A customer's message is stored with its sentiment (the escalation rules read it): scored as it is
 * written, since updating a message afterwards recomputes its search vector — the costliest
 * statement of a new ticket's follow-ups.
 */
export function withSentiment(body: string, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return isSentiment(metadata.sentiment) ? metadata : { ...metadata, sentiment: scoreSentiment(body) };
}
