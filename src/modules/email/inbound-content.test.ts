import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailTestApp, type EmailTestApp } from '../../testing/email-test-app';
import type { Caller, TestApp } from '../../testing/test-app';
import { inboundEmails } from './email.table';

let e: EmailTestApp;
let t: TestApp;
let agent: Caller;

beforeAll(async () => {
  e = await createEmailTestApp({ CLARA_EMAIL_MAX_ATTACHMENT_BYTES: 50_000 });
  t = e.t;
  agent = await t.as('agent');
});
afterAll(() => e.close());

describe('admin view of received mail', () => {
  it('lists received mail by status, and processes a failed one again on request', async () => {
    const admin = await t.asAdmin();
    const sent = await e.mail.send({ from: 'olive@example.com', subject: 'Stuck', text: 'Please help.' });
    await e.runJobs();
    // Where a mail ends after its last failed attempt (say the database was down every time).
    const [row] = await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.messageId, sent.messageId));
    await t.ctx.db.update(inboundEmails).set({ status: 'failed', error: 'connection refused' }).where(eq(inboundEmails.id, row!.id));
    const failed = await admin.request('GET', '/api/admin/inbound-emails?status=failed');
    expect(failed.json().items).toEqual([expect.objectContaining({ id: row!.id, status: 'failed', error: 'connection refused', from: 'olive@example.com' })]);
    expect((await admin.request('POST', `/api/admin/inbound-emails/${row!.id}/retry`)).json()).toMatchObject({ status: 'received' });
    await e.runJobs();
    expect((await t.ctx.db.select().from(inboundEmails).where(eq(inboundEmails.id, row!.id)))[0]).toMatchObject({ status: 'processed' });
    expect(await e.ticketsOf('olive@example.com')).toHaveLength(1);

    expect((await admin.request('POST', `/api/admin/inbound-emails/${row!.id}/retry`)).statusCode).toBe(409);
    expect((await admin.request('POST', '/api/admin/inbound-emails/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
    expect((await admin.request('GET', '/api/admin/inbound-emails?status=nope')).statusCode).toBe(400);
    expect((await agent.request('GET', '/api/admin/inbound-emails')).statusCode).toBe(403);
  });

  it('reports the listener and the outbound server on /health', async () => {
    const health = (await (await t.as('lead')).request('GET', '/health')).json();
    expect(health.features.email_smtp_listener).toEqual({ enabled: true, detail: `listening on port ${t.ctx.email.listenerPort}` });
    expect(health.features.email_outbound.enabled).toBe(true);
  });
});

describe('content', () => {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );

  it('stores attachments with the sniffed type, skips oversized ones, lists and serves them', async () => {
    await e.mail.send({
      from: 'liam@example.com',
      subject: 'Screenshot of the error',
      text: 'See attached.',
      attachments: [
        { filename: 'screen.png', content: png, contentType: 'application/octet-stream' },
        { filename: 'log.txt', content: 'line 1\nline 2\n', contentType: 'text/plain' },
        { filename: 'huge.bin', content: Buffer.alloc(60_000, 1), contentType: 'application/octet-stream' },
      ],
    });
    await e.runJobs();
    const [ticket] = await e.ticketsOf('liam@example.com');
    const list = await agent.request('GET', `/api/tickets/${ticket!.id}/attachments`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; filename: string; content_type: string; size: number; message_id: string }[];
    expect(items.map((a) => [a.filename, a.content_type, a.size])).toEqual([
      ['log.txt', 'text/plain', 14],
      ['screen.png', 'image/png', png.length],
    ]);
    const [message] = await e.messagesOf(ticket!.id);
    expect(items.every((a) => a.message_id === message!.id)).toBe(true);
    expect(message!.metadata.skipped_attachments).toEqual([{ filename: 'huge.bin', size: 60_000, reason: 'too_large' }]);

    const file = await agent.request('GET', `/api/attachments/${items[1]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.equals(png)).toBe(true);
    expect((await agent.request('GET', '/api/attachments/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await t.anonymous().request('GET', `/api/attachments/${items[1]!.id}`)).statusCode).toBe(401);
  });

  it('sanitizes HTML mail and keeps its text', async () => {
    await e.mail.send({ from: 'mia@example.com', subject: 'Formatted', html: '<p>Hello <b>team</b></p><script>alert(1)</script><img src=x onerror=alert(2)>' });
    await e.runJobs();
    const [ticket] = await e.ticketsOf('mia@example.com');
    const [message] = await e.messagesOf(ticket!.id);
    expect(message!.body).toContain('Hello team');
    const html = (message!.metadata.email as { html: string }).html;
    expect(html).toContain('<b>team</b>');
    expect(html).not.toMatch(/script|onerror/);
  });
});
