import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';

/** The commands of `tools` that are not on PATH. */
export function missingTools(tools: string[]): string[] {
  return tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' }).status !== 0);
}

export const VOICE_TOOLS = ['ffmpeg', 'espeak-ng', 'pocketsphinx_continuous'];
const INSTALL = 'apt-get install -y --no-install-recommends pocketsphinx pocketsphinx-en-us espeak-ng ffmpeg (.ci/run does)';

/**
 * A describe block for tests that run Debian programs (speech, audio). Without them: a failure in
 * CI (CI=true), a skip with a note on a developer machine — like the browser journeys.
 */
export function describeWithTools(tools: string[], name: string, fn: () => void): void {
  const missing = missingTools(tools);
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it(`needs ${missing.join(', ')}`, () => {
        throw new Error(`${missing.join(', ')} missing: ${INSTALL}`);
      });
    });
    return;
  }
  console.warn(`[tests] skipping "${name}": ${missing.join(', ')} missing (${INSTALL})`);
  describe.skip(name, fn);
}
