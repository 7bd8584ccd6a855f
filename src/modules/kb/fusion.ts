export interface RankedList<Id extends string | number = string> {
  /** Unique name of the retriever, e.g. "fulltext" or "vector"; keys `ranks` in the result. */
  name: string;
  /** Best first. A repeated id keeps its first (best) rank. */
  ids: readonly Id[];
  /** Multiplies this list's contribution; default 1. */
  weight?: number;
}

export interface FusedResult<Id extends string | number = string> {
  id: Id;
  score: number;
  /** 1-based rank in each list that contains the id. */
  ranks: Record<string, number>;
}

export interface FusionOptions {
  /** Dampens the head of each list; 60 is the value from the original RRF paper. */
  k?: number;
  limit?: number;
}

const SCORE_EPSILON = 1e-12;

/**
 * Reciprocal-rank fusion: score(id) = Σ over lists of weight / (k + rank).
 * Ties (equal score within 1e-12) are broken by: found in more lists, then
 * best single rank, then earlier list in `lists` order, then id order, so the
 * output never depends on Map iteration or sort stability.
 */
export function reciprocalRankFusion<Id extends string | number>(
  lists: readonly RankedList<Id>[],
  options: FusionOptions = {},
): FusedResult<Id>[] {
  const k = options.k ?? 60;
  if (!(k >= 0)) throw new RangeError('RRF k must be a non-negative number');
  const names = new Set<string>();
  const fused = new Map<Id, FusedResult<Id> & { bestRank: number; firstList: number; lists: number }>();

  lists.forEach((list, listIndex) => {
    if (names.has(list.name)) throw new RangeError(`Duplicate ranked list name: ${list.name}`);
    names.add(list.name);
    const weight = list.weight ?? 1;
    let rank = 0;
    for (const id of list.ids) {
      const entry = fused.get(id) ?? { id, score: 0, ranks: {}, bestRank: Infinity, firstList: listIndex, lists: 0 };
      if (entry.ranks[list.name] !== undefined) continue;
      rank += 1;
      entry.ranks[list.name] = rank;
      entry.score += weight / (k + rank);
      entry.bestRank = Math.min(entry.bestRank, rank);
      entry.lists += 1;
      fused.set(id, entry);
    }
  });

  const sorted = [...fused.values()].sort(
    (a, b) =>
      (Math.abs(a.score - b.score) > SCORE_EPSILON ? b.score - a.score : 0) ||
      b.lists - a.lists ||
      a.bestRank - b.bestRank ||
      a.firstList - b.firstList ||
      (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0),
  );
  return sorted.slice(0, options.limit ?? sorted.length).map(({ id, score, ranks }) => ({ id, score, ranks }));
}
