import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromiumMissing } from './support/browser';

// Builds web/dist once for the whole e2e run (a no-op when it is up to date).
export default function setup(): void {
  if (chromiumMissing()) return;
  const script = fileURLToPath(new URL('../scripts/ensure-web-build.mjs', import.meta.url));
  execFileSync(process.execPath, [script], { stdio: 'inherit' });
}
