import { createRng, shuffleInPlace } from '../../core/prng';

/** Seeded split that keeps each stratum's share; output keeps input order. */
export function stratifiedSplit<T>(
  items: readonly T[],
  stratum: (item: T) => string,
  testFraction: number,
  seed: number,
): { train: T[]; test: T[] } {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = stratum(item);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const rng = createRng(seed);
  const isTest = new Uint8Array(items.length);
  for (const key of [...groups.keys()].sort()) {
    const group = shuffleInPlace(groups.get(key) ?? [], rng);
    const take = group.length < 2 ? 0 : Math.max(1, Math.round(group.length * testFraction));
    for (let i = 0; i < take; i++) isTest[group[i]] = 1;
  }
  return {
    train: items.filter((_, i) => isTest[i] === 0),
    test: items.filter((_, i) => isTest[i] === 1),
  };
}
