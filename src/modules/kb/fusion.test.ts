import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './fusion';

describe('reciprocalRankFusion', () => {
  it('ranks an id found high in several lists above one found first in a single list', () => {
    const fused = reciprocalRankFusion([
      { name: 'fulltext', ids: ['a', 'b', 'c'] },
      { name: 'vector', ids: ['d', 'b', 'e'] },
    ]);
    expect(fused.map((r) => r.id)).toEqual(['b', 'a', 'd', 'c', 'e']);
    expect(fused[0]).toEqual({ id: 'b', score: 2 / 62, ranks: { fulltext: 2, vector: 2 } });
    expect(fused[2]).toEqual({ id: 'd', score: 1 / 61, ranks: { vector: 1 } });
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

  it('breaks exact score ties by the earlier list', () => {
    const lists = [
      { name: 'one', ids: ['m', 'z'] },
      { name: 'two', ids: ['a', 'q'] },
    ];
    expect(reciprocalRankFusion(lists).map((r) => r.id)).toEqual(['m', 'a', 'z', 'q']);
  });

  it('breaks ties that remain by id, so the input order of ids does not matter', () => {
    const forward = reciprocalRankFusion([
      { name: 'one', ids: ['y', 'x'] },
      { name: 'two', ids: ['x', 'y'] },
    ]);
    const backward = reciprocalRankFusion([
      { name: 'one', ids: ['x', 'y'] },
      { name: 'two', ids: ['y', 'x'] },
    ]);
    expect(forward.map((r) => r.id)).toEqual(['x', 'y']);
    expect(backward.map((r) => r.id)).toEqual(['x', 'y']);
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
