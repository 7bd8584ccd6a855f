import { z } from 'zod';

const Confidence = z.object({ category: z.number(), priority: z.number(), intent: z.number() }).partial();

const Details = z.object({
  confidence: Confidence.optional(),
  model: z.object({ version: z.string() }).partial().optional(),
  top_terms: z.array(z.string()).optional(),
  rule: z.object({ reason: z.string() }).partial().optional(),
});

export interface Classification {
  confidence: { category?: number; priority?: number; intent?: number };
  modelVersion: string | null;
  topTerms: string[];
  ruleReason: string | null;
}

/**
 * What the classifier said when the ticket came in (ticket.metadata.classification), or null when the
 * ticket was not classified (labels given by the creator, or no model). Never throws on odd metadata.
 */
export function readClassification(metadata: Record<string, unknown>): Classification | null {
  const parsed = Details.safeParse(metadata.classification);
  if (!parsed.success || !parsed.data.confidence) return null;
  const d = parsed.data;
  return {
    confidence: d.confidence ?? {},
    modelVersion: d.model?.version ?? null,
    topTerms: d.top_terms ?? [],
    ruleReason: d.rule?.reason ?? null,
  };
}

/** The suggested answer as reply text, its sources listed the way Clara's own answers list them. */
export function suggestionReplyText(answer: string, citations: { title: string }[]): string {
  const seen = new Set<string>();
  const titles = citations.map((c) => c.title).filter((t) => !seen.has(t) && seen.add(t));
  if (titles.length === 0) return answer.trim();
  return `${answer.trim()}\n\nSources:\n${titles.map((t, i) => `[${i + 1}] ${t}`).join('\n')}`;
}
