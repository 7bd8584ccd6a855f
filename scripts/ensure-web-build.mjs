#!/usr/bin/env node
// Builds the web app (web/dist) when it is missing or older than its sources, so `npm start`
// serves the current UI on a fresh clone without a separate build step. `--force` always builds.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const distIndex = join(root, 'web', 'dist', 'index.html');

function newestMtime(path, filter = () => true) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return filter(path) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry), filter));
  return newest;
}

// Everything the bundle is made of: the web sources and the server's shared schemas and value lists.
function newestSource() {
  const shared = (p) => p.endsWith('.schema.ts') || p.endsWith('ticket-fields.ts');
  return Math.max(
    newestMtime(join(root, 'web', 'src')),
    newestMtime(join(root, 'web', 'public')),
    newestMtime(join(root, 'web', 'index.html')),
    newestMtime(join(root, 'web', 'vite.config.ts')),
    newestMtime(join(root, 'src', 'core', 'rbac.ts')),
    newestMtime(join(root, 'src', 'core', 'text.ts')),
    newestMtime(join(root, 'src', 'modules'), shared),
  );
}

export function webBuildIsStale() {
  return !existsSync(distIndex) || statSync(distIndex).mtimeMs < newestSource();
}

export async function ensureWebBuild({ force = false } = {}) {
  if (!force && !webBuildIsStale()) return false;
  const started = Date.now();
  process.stdout.write(`Building the web app (${existsSync(distIndex) ? 'sources changed' : 'first start'})…\n`);
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn' });
  process.stdout.write(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ensureWebBuild({ force: process.argv.includes('--force') }).catch((err) => {
    console.error(`error: the web app did not build: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
