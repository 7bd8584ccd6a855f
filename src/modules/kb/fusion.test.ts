import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './fusion.js';

describe('reciprocalRankFusion', () => {
  it('ranks an id found high in several lists above one found first in a single list', () => {
    const fused = reciprocalRankFusion([
      { name: 'fulltext', ids: ['a', 'b', 'c'] },
      { name: 'vector', ids: ['d', 'b', 'a'] },
    ]);
    expect(fused.map((r) => r.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(fused[0]).toEqual({ id: 'b', score: 2 / 62, ranks: { fulltext: 2, vector: 2 } });
    expect(fused[2].ranks).toEqual({ vector: 1 });
  });

  it('scales each list by its weight', () => {
    const fused = reciprocalRankFusion([
      { name: 'fulltext', ids: ['a'], weight: 1 },
      { name: 'vector', ids: ['b'], weight: 2 },
    ]);
    expect(fused.map((r) => [r.id, r.score])).toEqual([
      ['b', 2 / 61],
      ['a', 1 / 61],
    ]);
  });

  it('uses k to flatten or sharpen the head of each list', () => {
    const [top] = reciprocalRankFusion([{ name: 'only', ids: ['x', 'y'] }], { k: 0 });
    expect(top.score).toBe(1);
  });

  it('breaks exact score ties by best rank, then list order, then id, whatever the input order', () => {
    const lists = [
      { name: 'one', ids: ['m', 'z'] },
      { name: 'two', ids: ['a', 'q'] },
    ];
    expect(reciprocalRankFusion(lists).map((r) => r.id)).toEqual(['m', 'a', 'q', 'z']);
    const swapped = [
      { name: 'one', ids: ['z', 'm'] },
      { name: 'two', ids: ['q', 'a'] },
    ];
    expect(reciprocalRankFusion(swapped).map((r) => r.id)).toEqual(['z', 'q', 'a', 'm']);
  });

  it('prefers the id found in more lists when scores tie', () => {
    // "a": 1/(k+1) + 1/(k+3) with k=1 is 0.75; "b": rank 1 with weight 1.5 is 0.75 too.
    const fused = reciprocalRankFusion(
      [
        { name: 'x', ids: ['a'] },
        { name: 'y', ids: ['c', 'd', 'a'] },
        { name: 'z', ids: ['b'], weight: 1.5 },
      ],
      { k: 1 },
    );
    const a = fused.find((r) => r.id === 'a');
    const b = fused.find((r) => r.id === 'b');
    expect(a?.score).toBeCloseTo(b?.score ?? 0, 12);
    expect(fused.map((r) => r.id).indexOf('a')).toBeLessThan(fused.map((r) => r.id).indexOf('b'));
  });

  it('counts a repeated id once, at its best rank', () => {
    const fused = reciprocalRankFusion([{ name: 'dup', ids: ['a', 'a', 'b'] }]);
    expect(fused).toEqual([
      { id: 'a', score: 1 / 61, ranks: { dup: 1 } },
      { id: 'b', score: 1 / 62, ranks: { dup: 2 } },
    ]);
  });

  it('applies the limit after sorting and rejects duplicate list names', () => {
    expect(reciprocalRankFusion([{ name: 'l', ids: ['a', 'b', 'c'] }], { limit: 2 }).map((r) => r.id)).toEqual(['a', 'b']);
    expect(() => reciprocalRankFusion([{ name: 'l', ids: [] }, { name: 'l', ids: [] }])).toThrow(/Duplicate/);
  });
});
