import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SmtpSink } from '../../testing/smtp-sink';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let sink: SmtpSink;
let agent: Caller;
let admin: Caller;

beforeAll(async () => {
  sink = await SmtpSink.start();
  t = await createTestApp({ config: { CLARA_SMTP_URL: sink.url } });
  agent = await t.as('agent');
  admin = await t.asAdmin();
});
afterAll(async () => {
  await t.close();
  await sink.close();
});
beforeEach(() => sink.clear());

async function emailTicket() {
  const res = await agent.request('POST', '/api/tickets', validTicketBody({ channel: 'email', customer: { email: 'dana@example.com', name: 'Dana' } }));
  return res.json() as { id: string; number: number };
}

async function reply(ticketId: string, body: string) {
  expect((await agent.request('POST', `/api/tickets/${ticketId}/messages`, { body, internal: false })).statusCode).toBe(201);
}
const runJobs = () => t.ctx.jobs.runDue();

describe('email templates', () => {
  it('uses the template an admin edited, from the next mail on, and the default again after a reset', async () => {
    const ticket = await emailTicket();
    await reply(ticket.id, 'Looking into it.');
    await runJobs();
    expect(sink.messages.at(-1)!.parsed.subject).not.toContain('about');
    const put = await admin.request('PUT', '/api/admin/email-templates/reply', {
      subject: 'Re: [#{{ticket.number}}] about "{{ticket.subject}}"',
      text: 'Hi {{customer.name}},\n\n{{message.body}}\n\nCheers, {{support.name}}',
      html: '<p>Hi {{customer.name}},</p>{{{message.body_html}}}',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ key: 'reply', customized: true });
    await reply(ticket.id, 'It works now.');
    await runJobs();
    const mail = sink.messages.at(-1)!.parsed;
    expect(mail.subject).toBe(`Re: [#${ticket.number}] about "Printer on floor 2 is broken"`);
    expect(mail.text).toContain('Hi Dana,\n\nIt works now.\n\nCheers, Clara Support');
    const reset = await admin.request('DELETE', '/api/admin/email-templates/reply');
    expect(reset.json()).toMatchObject({ customized: false });
    await reply(ticket.id, 'And it stays fixed.');
    await runJobs();
    expect(sink.messages.at(-1)!.parsed.subject).not.toContain('about');
  });

  it('answers 404 for an unknown template and 400 for one that does not parse', async () => {
    expect((await admin.request('GET', '/api/admin/email-templates/nope')).statusCode).toBe(404);
    const bad = await admin.request('PUT', '/api/admin/email-templates/reply', { subject: 'x', text: '{{#open}} never closed', html: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect((await admin.request('PUT', '/api/admin/email-templates/reply', { subject: '' })).statusCode).toBe(400);
  });

  it('rejects bad outbox queries and unknown rows', async () => {
    expect((await admin.request('GET', '/api/admin/outbox?status=bogus')).statusCode).toBe(400);
    expect((await admin.request('POST', '/api/admin/outbox/not-a-uuid/retry')).statusCode).toBe(400);
    expect((await admin.request('POST', '/api/admin/outbox/00000000-0000-4000-8000-000000000000/retry')).statusCode).toBe(404);
  });
});
