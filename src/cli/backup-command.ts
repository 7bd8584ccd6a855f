import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db';

export interface BackupOptions {
  file: string;
  /** A running Clara to download from (GET /api/admin/backup) with an admin API token. */
  url?: string;
  token?: string;
  /** The embedded database's folder, when Clara is stopped. */
  dataDir: string;
  databaseUrl?: string;
}

/** Writes a backup of the embedded database to `file`; returns its size in bytes. */
export async function backupToFile(o: BackupOptions): Promise<number> {
  let bytes: Buffer;
  if (o.url) {
    if (!o.token) throw new Error('Set CLARA_API_TOKEN to an admin API token to download a backup from a running Clara.');
    const res = await fetch(new URL('/api/admin/backup', o.url), { headers: { authorization: `Bearer ${o.token}` } });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(`${o.url} answered ${res.status}: ${body?.error?.message ?? res.statusText}`);
    }
    bytes = Buffer.from(await res.arrayBuffer());
  } else {
    if (o.databaseUrl) throw new Error('DATABASE_URL is set: back PostgreSQL up with pg_dump (see docs/deploy.md).');
    // Refuses while a Clara process has the folder open (its lock): then use --url.
    const database = await openDatabase({ dataDir: o.dataDir, migrate: false });
    try {
      bytes = Buffer.from(await (await database.backup!()).arrayBuffer());
    } finally {
      await database.close();
    }
  }
  await writeFile(o.file, bytes);
  return bytes.length;
}

export function addBackupCommand(program: Command): void {
  program
    .command('backup')
    .description('Write a backup of the embedded database (restore it with clara restore)')
    .argument('<file>', 'where to write the .tar.gz')
    .option('--url <url>', 'download it from this running Clara (needs CLARA_API_TOKEN, an admin API token)')
    .option('--data-dir <dir>', 'the stopped installation\'s folder (default CLARA_DATA_DIR)')
    .action(async (file: string, o: { url?: string; dataDir?: string }) => {
      const config = loadConfig(process.env, { LOG_LEVEL: 'warn' });
      const size = await backupToFile({
        file,
        url: o.url,
        token: process.env.CLARA_API_TOKEN,
        dataDir: o.dataDir ?? config.CLARA_DATA_DIR,
        databaseUrl: o.url ? undefined : config.DATABASE_URL,
      });
      console.log(`backup written to ${file} (${(size / 1024 / 1024).toFixed(1)} MB)`);
    });
}
