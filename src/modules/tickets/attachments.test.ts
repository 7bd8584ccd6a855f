import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../email';
import { multipart } from '../../testing/multipart';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { attachments } from './attachments.table';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

let t: TestApp;
let agent: Caller;
let otherAgent: Caller;
let visitor: Caller;

beforeAll(async () => {
  t = await createTestApp({ config: { CLARA_UPLOAD_MAX_BYTES: 64 * 1024 } });
  agent = await t.as('agent');
  otherAgent = await t.as('agent');
  visitor = t.anonymous();
});
afterAll(() => t.close());

async function upload(caller: Caller, filename: string, type: string, bytes: Buffer, url = caller === visitor ? '/api/public/uploads' : '/api/uploads') {
  const form = multipart({}, { name: 'file', filename, type, bytes });
  return caller.request('POST', url, form.payload, form.headers);
}

async function uploaded(caller: Caller, filename: string, type: string, bytes: Buffer): Promise<{ id: string; content_type: string; size: number }> {
  const res = await upload(caller, filename, type, bytes);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function openTicket(attachmentIds: string[]) {
  const res = await visitor.request('POST', '/api/public/tickets', {
    subject: 'Invoice shows the wrong VAT number',
    description: 'See the screenshot and the invoice attached.',
    email: 'files@example.com',
    attachment_ids: attachmentIds,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { number: number; token: string };
}

describe('attachments from the web app', () => {
  it('a file the customer attaches on /support downloads for the agent, and for the customer, as a download', async () => {
    const png = await uploaded(visitor, 'screen shot.png', 'image/png', PNG);
    const pdf = await uploaded(visitor, 'invoice.pdf', 'application/pdf', PDF);
    expect(png).toMatchObject({ content_type: 'image/png', size: PNG.length, message_id: null });
    const ticket = await openTicket([png.id, pdf.id]);

    const list = (await agent.request('GET', `/api/tickets/${ticket.number}/attachments`)).json().items as { id: string; filename: string; message_id: string }[];
    expect(list.map((a) => a.filename).sort()).toEqual(['invoice.pdf', 'screen shot.png']);
    const messages = (await agent.request('GET', `/api/tickets/${ticket.number}/messages`)).json().items;
    expect(list.every((a) => a.message_id === messages[0].id)).toBe(true);

    const file = await agent.request('GET', `/api/attachments/${png.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['content-disposition']).toBe("attachment; filename*=UTF-8''screen%20shot.png");
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-security-policy']).toContain('sandbox');

    const status = (await visitor.request('GET', `/api/public/tickets/${ticket.token}`)).json();
    expect(status.messages[0].attachments.map((a: { filename: string }) => a.filename).sort()).toEqual(['invoice.pdf', 'screen shot.png']);
    const own = await visitor.request('GET', `/api/public/tickets/${ticket.token}/attachments/${pdf.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-disposition']).toMatch(/^attachment;/);

    const stranger = await openTicket([]);
    expect((await visitor.request('GET', `/api/public/tickets/${stranger.token}/attachments/${pdf.id}`)).statusCode).toBe(404);
    expect((await visitor.request('GET', `/api/attachments/${pdf.id}`)).statusCode).toBe(401);
  });

  it("the agent's reply carries its file to the customer's status page and email; a note's file stays internal", async () => {
    const ticket = await openTicket([]);
    const guide = await uploaded(agent, 'setup-guide.pdf', 'application/pdf', PDF);
    const reply = await agent.request('POST', `/api/tickets/${ticket.number}/messages`, { body: 'The corrected invoice is attached.', attachment_ids: [guide.id] });
    expect(reply.statusCode, reply.body).toBe(201);
    const internal = await uploaded(agent, 'ledger.txt', 'text/plain', Buffer.from('internal ledger export\n'));
    expect((await agent.request('POST', `/api/tickets/${ticket.number}/messages`, { body: 'Ledger for reference.', internal: true, attachment_ids: [internal.id] })).statusCode).toBe(201);

    const status = (await visitor.request('GET', `/api/public/tickets/${ticket.token}`)).json();
    const files = status.messages.flatMap((m: { attachments: { id: string }[] }) => m.attachments.map((a) => a.id));
    expect(files).toEqual([guide.id]);
    expect((await visitor.request('GET', `/api/public/tickets/${ticket.token}/attachments/${internal.id}`)).statusCode).toBe(404);
    expect((await agent.request('GET', `/api/tickets/${ticket.number}/attachments`)).json().items).toHaveLength(2);

    const [mail] = await t.ctx.db.select().from(outbox).where(eq(outbox.ticketMessageId, reply.json().id));
    expect(mail!.attachments.map((a) => [a.filename, a.contentType, Buffer.from(a.content, 'base64').equals(PDF)])).toEqual([['setup-guide.pdf', 'application/pdf', true]]);
  });

  it('refuses programs, web pages, SVG, empty and oversized files with a clear error', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    const cases: [string, string, Buffer, number][] = [
      ['page.html', 'text/html', Buffer.from('<script>alert(1)</script>'), 415],
      ['logo.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 415],
      ['notes.txt', 'text/plain', elf, 415],
      ['invoice.pdf.exe', 'application/pdf', PDF, 415],
      ['photo.png', 'image/png', Buffer.alloc(0), 400],
      ['huge.log', 'text/plain', Buffer.alloc(70 * 1024, 'a'), 413],
    ];
    for (const [name, type, bytes, status] of cases) {
      const res = await upload(visitor, name, type, bytes);
      expect([name, res.statusCode]).toEqual([name, status]);
      expect(res.json().error.message).toBeTruthy();
    }
    const noBoundary = await visitor.request('POST', '/api/public/uploads', 'x', { 'content-type': 'multipart/form-data' });
    expect(noBoundary.statusCode).toBe(400);
    const json = await visitor.request('POST', '/api/public/uploads', { file: 'x' });
    expect(json.statusCode).toBe(415);
    const wrongField = multipart({}, { name: 'attachment', filename: 'a.txt', type: 'text/plain', bytes: Buffer.from('hello') });
    expect((await visitor.request('POST', '/api/public/uploads', wrongField.payload, wrongField.headers)).statusCode).toBe(400);
  });

  it("a message cannot take someone else's upload or one already sent, and is not saved when it tries", async () => {
    const ticket = await openTicket([]);
    const mine = await uploaded(agent, 'mine.txt', 'text/plain', Buffer.from('mine\n'));
    const customers = await uploaded(visitor, 'theirs.txt', 'text/plain', Buffer.from('theirs\n'));
    for (const [caller, id] of [
      [otherAgent, mine.id],
      [agent, customers.id],
      [agent, '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      const res = await caller.request('POST', `/api/tickets/${ticket.number}/messages`, { body: 'With a file', attachment_ids: [id] });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('body.attachment_ids');
    }
    const stolen = await visitor.request('POST', `/api/public/tickets/${ticket.token}/messages`, { body: 'With a file', attachment_ids: [mine.id] });
    expect(stolen.statusCode).toBe(400);
    expect((await agent.request('GET', `/api/tickets/${ticket.number}/messages`)).json().items).toHaveLength(1);

    expect((await visitor.request('POST', `/api/public/tickets/${ticket.token}/messages`, { body: 'Here it is', attachment_ids: [customers.id] })).statusCode).toBe(201);
    const again = await openTicket([]);
    const reuse = await visitor.request('POST', `/api/public/tickets/${again.token}/messages`, { body: 'Same file', attachment_ids: [customers.id] });
    expect(reuse.statusCode).toBe(400);
    const tooMany = await agent.request('POST', `/api/tickets/${ticket.number}/messages`, { body: 'x', attachment_ids: Array.from({ length: 11 }, () => mine.id) });
    expect(tooMany.statusCode).toBe(400);
  });

  it('an upload never sent is gone after a day; one that was sent stays', async () => {
    const unsent = await uploaded(agent, 'draft.txt', 'text/plain', Buffer.from('never sent\n'));
    expect((await agent.request('GET', `/api/attachments/${unsent.id}`)).statusCode).toBe(200);
    expect((await otherAgent.request('GET', `/api/attachments/${unsent.id}`)).statusCode).toBe(404);
    const sent = await uploaded(visitor, 'sent.txt', 'text/plain', Buffer.from('sent\n'));
    await openTicket([sent.id]);
    t.clock.advance(25 * 60 * 60_000);
    await t.ctx.jobs.runDue();
    const left = await t.ctx.db.select({ id: attachments.id }).from(attachments);
    expect(left.some((a) => a.id === unsent.id)).toBe(false);
    expect(left.some((a) => a.id === sent.id)).toBe(true);
  });
});
