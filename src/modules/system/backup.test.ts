import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, restoreDatabase } from '../../core/db';
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
