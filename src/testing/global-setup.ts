import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createTemplate, dropDatabase } from './test-database';

// Migrating takes a test file's database most of its start-up: do it once per run, copy per file.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  const dir = mkdtempSync(join(tmpdir(), 'clara-test-template-'));
  const template = await createTemplate(serverUrl, join(dir, 'pglite.tar'));
  project.provide('claraDatabaseTemplate', template);
  return async () => {
    if (template.kind === 'postgres' && serverUrl) await dropDatabase(serverUrl, template.name);
    rmSync(dir, { recursive: true, force: true });
  };
}
