/// <reference types="node" />
// Reads the feature sources (Node, not the browser): a scan of how features name their query keys.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FEATURES_DIR = fileURLToPath(new URL('../features', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

// A query key written out: `queryKey: ['x', …]` (in a query or an invalidation), or an array in a
// key definition (`const fooKeys = { all: ['x'] as const, … };`, `const key = ['x'] as const;`).
const INLINE_KEY = /queryKey:\s*\[\s*'([^']+)'/g;
const KEY_DEFINITION = /\b\w*[kK]eys?\s*=\s*(\{[\s\S]*?\};|[^\n]*;)/g;
const ARRAY_ROOT = /\[\s*'([^']+)'/g;

function keyRoots(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const inline = [...text.matchAll(INLINE_KEY)].map((m) => m[1]);
  const defined = [...text.matchAll(KEY_DEFINITION)].flatMap((d) => [...d[1].matchAll(ARRAY_ROOT)].map((m) => m[1]));
  return [...inline, ...defined];
}

describe('query keys', () => {
  const features = readdirSync(FEATURES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it('finds the keys it checks', () => {
    const roots = features.flatMap((f) => sources(join(FEATURES_DIR, f)).flatMap(keyRoots));
    expect(roots).toEqual(expect.arrayContaining(['tickets', 'settings', 'dashboard', 'system', 'kb']));
  });

  // Each feature owns its cache entries: another feature's data is refreshed through
  // announceChange and the links in app/app-query-client.ts, never by naming its key.
  it.each(features)('%s names only query keys that start with its own name', (feature) => {
    const foreign = sources(join(FEATURES_DIR, feature)).flatMap((file) =>
      keyRoots(file)
        .filter((root) => root !== feature)
        .map((root) => `${file.slice(FEATURES_DIR.length + 1)}: '${root}'`),
    );
    expect(foreign).toEqual([]);
  });
});
