import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, restoreDatabase } from '../../core/db';
import { backupToFile } from '../../cli/backup-command';
import { getSetting } from '../../core/settings';
import { multipart } from '../../testing/multipart';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const dir = mkdtempSync(join(tmpdir(), 'clara-restore-'));
let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore of the embedded database', () => {
  it('copies a running installation that restores whole into a new folder: tickets, files and settings', async () => {
    const form = multipart({}, { name: 'file', filename: 'contract.pdf', type: 'application/pdf', bytes: PDF });
    const upload = (await t.anonymous().request('POST', '/api/public/uploads', form.payload, form.headers)).json();
    const created = await t.anonymous().request('POST', '/api/public/tickets', { subject: 'Contract renewal question', description: 'Please see the attached contract.', email: 'renew@example.com', attachment_ids: [upload.id] });
    expect(created.statusCode).toBe(201);
    expect((await admin.request('PUT', '/api/admin/settings/autoresolve', { mode: 'suggest', threshold: 0.97, max_priority: 'low' })).statusCode).toBe(200);
    expect((await (await t.as('lead')).request('GET', '/api/admin/backup')).statusCode).toBe(403);

    const res = await admin.request('GET', '/api/admin/backup');
    if (t.ctx.database.driver === 'postgres') {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toContain('pg_dump');
      return;
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="clara-backup-\d{12}\.tar\.gz"$/);
    expect((await admin.request('GET', '/api/admin/audit?action=system.backup_downloaded')).json().items).toHaveLength(1);

    const target = join(dir, 'restored');
    await restoreDatabase(target, new Blob([res.rawPayload]));
    await expect(restoreDatabase(target, new Blob([res.rawPayload]))).rejects.toThrow(/not empty/);
    const restored = await openDatabase({ dataDir: target });
    try {
      const [tickets] = await queryRows<{ n: number }>(restored.db, sql`select count(*)::int as n from tickets where subject = 'Contract renewal question'`);
      expect(tickets!.n).toBe(1);
      const [file] = await queryRows<{ content: Buffer | Uint8Array }>(restored.db, sql`select content from attachments where filename = 'contract.pdf'`);
      expect(Buffer.from(file!.content).equals(PDF)).toBe(true);
      expect(await getSetting(restored.db, 'kb.autoresolve_threshold')).toMatchObject({ mode: 'suggest', threshold: 0.97 });
    } finally {
      await restored.close();
    }
  });
});

describe('clara backup', () => {
  it('copies a stopped installation, and refuses one another process has open', async () => {
    const source = join(dir, 'stopped');
    const db = await openDatabase({ dataDir: source });
    await db.db.execute(sql`insert into settings (key, value) values ('backup.marker', '"kept"')`);
    await db.close();
    // Another process holds the folder: its pid is in the lock.
    const holder = spawn('sleep', ['30']);
    try {
      writeFileSync(join(source, 'clara.pid'), String(holder.pid));
      await expect(backupToFile({ file: join(dir, 'refused.tar.gz'), dataDir: source })).rejects.toThrow(`pid ${holder.pid}`);
    } finally {
      holder.kill();
    }
    await new Promise((r) => holder.once('exit', r));
    const file = join(dir, 'stopped.tar.gz');
    expect(await backupToFile({ file, dataDir: source })).toBeGreaterThan(1000);
    await expect(backupToFile({ file, dataDir: source, databaseUrl: 'postgres://x' })).rejects.toThrow(/pg_dump/);
    const target = join(dir, 'stopped-restored');
    await restoreDatabase(target, new Blob([readFileSync(file)]));
    const restored = await openDatabase({ dataDir: target });
    try {
      expect(await getSetting(restored.db, 'backup.marker')).toBe('kept');
    } finally {
      await restored.close();
    }
  });

  it('downloads from a running Clara with an admin API token', async () => {
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { token } = (await admin.request('POST', '/api/admin/tokens', { name: 'backups' })).json();
    const file = join(dir, 'running.tar.gz');
    await expect(backupToFile({ file, url, dataDir: '' })).rejects.toThrow(/CLARA_API_TOKEN/);
    await expect(backupToFile({ file, url, token: 'clara_wrong', dataDir: '' })).rejects.toThrow(/401/);
    if (t.ctx.database.driver === 'postgres') {
      await expect(backupToFile({ file, url, token, dataDir: '' })).rejects.toThrow(/409.*pg_dump/);
      return;
    }
    expect(await backupToFile({ file, url, token, dataDir: '' })).toBeGreaterThan(1000);
    const target = join(dir, 'running-restored');
    await restoreDatabase(target, new Blob([readFileSync(file)]));
    const restored = await openDatabase({ dataDir: target });
    try {
      const [row] = await queryRows<{ n: number }>(restored.db, sql`select count(*)::int as n from tickets where subject = 'Contract renewal question'`);
      expect(row!.n).toBe(1);
    } finally {
      await restored.close();
    }
  });
});
