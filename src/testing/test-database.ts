import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import pg from 'pg';
import { openDatabase, type Database } from '../core/db';

/** A migrated database made once per run (global-setup.ts); each test file opens a copy. */
export type TestDatabaseTemplate = { kind: 'pglite'; file: string } | { kind: 'postgres'; name: string };

declare module 'vitest' {
  export interface ProvidedContext {
    claraDatabaseTemplate: TestDatabaseTemplate | null;
  }
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabase(serverUrl: string, prefix: string, template?: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (c) => c.query(`create database ${name}${template ? ` template ${template}` : ''}`));
  return name;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await onServer(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
}

/** Migrates a template once: a PGlite data-directory dump written to `file`, or a PostgreSQL template database. */
export async function createTemplate(serverUrl: string | undefined, file: string): Promise<TestDatabaseTemplate> {
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    const dump = await database.dumpDataDir!();
    await database.close();
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return { kind: 'pglite', file };
  }
  const name = await createDatabase(serverUrl, 'clara_template');
  const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, name), dataDir: '' });
  await database.close();
  return { kind: 'postgres', name };
}

async function providedTemplate(): Promise<TestDatabaseTemplate | null> {
  try {
    const { inject } = await import('vitest');
    return inject('claraDatabaseTemplate') ?? null;
  } catch {
    return null;
  }
}

/**
 * The suite runs on embedded PGlite, or on a fresh PostgreSQL database when DATABASE_URL is set.
 * Both start as a copy of the run's migrated template (migrating is then a check of the journal);
 * without one (a file run outside the server project) the database is created and migrated here.
 */
export async function openTestDatabase(): Promise<Database> {
  const template = await providedTemplate();
  const url = process.env.DATABASE_URL;
  if (!url) {
    const copy = template?.kind === 'pglite' ? new Blob([await readFile(template.file)]) : undefined;
    return openDatabase({ dataDir: 'memory://', template: copy });
  }
  const name = await createDatabase(url, 'clara_test', template?.kind === 'postgres' ? template.name : undefined);
  const database = await openDatabase({ databaseUrl: databaseUrl(url, name), dataDir: '' });
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(url, name);
    },
  };
}
