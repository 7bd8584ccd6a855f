import { eq } from 'drizzle-orm';
import { tickets } from '../tickets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailTestApp, type EmailTestApp } from '../../testing/email-test-app';
import type { Caller } from '../../testing/test-app';

// Clara's automatic answer as the customer reads it: no raw Markdown, numbered steps whole and
// in order, sources as links to the articles on the support site.

let e: EmailTestApp;
let admin: Caller;
let articleId: string;

const ARTICLE = [
  'Error **E-42** on the display means the `print head` is not seated.',
  '',
  '## Fix error E-42',
  '',
  '1. Switch the printer *off* and unplug it.',
  '2. Open the front cover and press the print head down until it clicks.',
  '3. Close the cover, plug the printer in and switch it on again.',
  '',
  '## Paper jams',
  '',
  'Remove the tray and pull the paper out towards you.',
].join('\n');

beforeAll(async () => {
  e = await createEmailTestApp({ CLARA_PUBLIC_URL: 'https://help.example.com' });
  admin = await e.t.asAdmin();
  const res = await admin.request('POST', '/api/kb/articles', { title: 'Printer error E-42', body: ARTICLE, category: 'technical', status: 'published' });
  expect(res.statusCode).toBe(201);
  articleId = res.json().id;
  await e.runJobs(); // indexes the article
  expect((await admin.request('PUT', '/api/admin/settings/autoresolve', { threshold: 0.5, max_priority: 'high' })).statusCode).toBe(200);
});
afterAll(() => e.close());

describe('the automatic answer by email', () => {
  it('reads clean: rendered HTML, plain text without markers, the steps whole, sources as links', async () => {
    const res = await e.t.anonymous().request('POST', '/api/public/tickets', {
      subject: 'Printer error E-42',
      description: 'My printer shows error E-42 since this morning. What is the fix for error E-42 and the print head?',
      email: 'rosa@example.com',
    });
    expect(res.statusCode).toBe(201);
    await e.runJobs();
    expect((await e.t.ctx.db.select().from(tickets).where(eq(tickets.number, res.json().number)))[0]!.status).toBe('resolved');
    // One mail: Clara answered before the acknowledgment was due, so the answer is the acknowledgment.
    const mails = e.sink.messages.filter((m) => m.to.includes('rosa@example.com')).map((m) => m.parsed);
    expect(mails).toHaveLength(1);
    const mail = mails.find((m) => m.text?.includes('written automatically'));
    const text = mail!.text ?? '';
    expect(text).toContain(
      '1. Switch the printer off and unplug it.\n2. Open the front cover and press the print head down until it clicks.\n3. Close the cover, plug the printer in and switch it on again.',
    );
    expect(text).not.toMatch(/\*|`|\[\d+\]/);
    expect(text).toContain(`Sources:\n- Printer error E-42: https://help.example.com/support/articles/${articleId}`);
    const html = mail!.html || '';
    expect(html).toContain('<ol>');
    expect(html).toContain(`<a href="https://help.example.com/support/articles/${articleId}">Printer error E-42</a>`);
    expect(html).not.toMatch(/\*\*|\[\d+\]/);
  });
});
