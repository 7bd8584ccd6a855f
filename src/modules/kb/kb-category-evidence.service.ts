import type { KbContext } from './kb.context';
import { retrieve } from './kb-search.service';

export interface CategoryEvidence {
  /** Share of the best-matching articles' weight per article category. */
  probabilities: Record<string, number>;
  /** The articles it rests on, best first. */
  articles: { slug: string; category: string; weight: number }[];
}

const TOP_ARTICLES = 3;
// Weights are (score ÷ best score)^4: the best article speaks loudest, a close runner-up still counts.
// Chosen with the classifier's mixing weight on the tune tickets of eval/rosterly and eval/fernhill.
const SHARPNESS = 4;

/**
 * What the team's own knowledge base says a ticket is about: the categories of the articles
 * that match it best, weighted by their retrieval score relative to the best one (sharpened). The
 * classifier was trained on other companies' words; the knowledge base speaks this one's.
 * Null when no article matches.
 */
export async function kbCategoryEvidence(ctx: KbContext, text: string): Promise<CategoryEvidence | null> {
  const { hits } = await retrieve(ctx, text, 12);
  const best = new Map<string, { slug: string; category: string; score: number }>();
  for (const h of hits) {
    const score = h.scores.lexical;
    const seen = best.get(h.articleId);
    if (score > 0 && (!seen || score > seen.score)) best.set(h.articleId, { slug: h.slug, category: h.category, score });
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score).slice(0, TOP_ARTICLES);
  if (ranked.length === 0) return null;
  const articles = ranked.map((a) => ({ slug: a.slug, category: a.category, weight: (a.score / ranked[0].score) ** SHARPNESS }));
  const total = articles.reduce((sum, a) => sum + a.weight, 0);
  const probabilities: Record<string, number> = {};
  for (const a of articles) probabilities[a.category] = (probabilities[a.category] ?? 0) + a.weight / total;
  return { probabilities, articles };
}
