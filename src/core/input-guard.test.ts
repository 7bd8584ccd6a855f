import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart } from '../testing/multipart';
import { createTestApp, type Caller, type TestApp } from '../testing/test-app';

let t: TestApp;
let agent: Caller;

beforeAll(async () => {
  t = await createTestApp();
  agent = await t.as('agent');
});
afterAll(() => t.close());

const intake = (overrides: Record<string, unknown>) => ({ subject: 'Printer is broken', description: 'It prints nothing since this morning.', email: 'nul@example.com', ...overrides });

describe('control characters in requests', () => {
  it('refuses NUL and other control characters anywhere in a JSON body with 400 naming the field', async () => {
    for (const [body, field] of [
      [intake({ subject: 'a\u0000b printer broken' }), 'body.subject'],
      [intake({ description: 'line one\u0007bell' }), 'body.description'],
      [intake({ name: 'Ana\u001b[31m' }), 'body.name'],
    ] as const) {
      const res = await t.anonymous().request('POST', '/api/public/tickets', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field }] });
    }
    const nested = await agent.request('POST', '/api/tickets', { subject: 'Printer broken again', description: 'Nothing prints.', channel: 'web', customer: { email: 'x@example.com', name: 'X\u0000' } });
    expect(nested.json().error.details[0].field).toBe('body.customer.name');
    expect((await agent.request('GET', '/api/tickets?q=a%00b')).statusCode).toBe(400);
  });

  it('keeps tabs and line breaks, and takes bidi overrides out of subjects and names', async () => {
    const res = await t.anonymous().request('POST', '/api/public/tickets', intake({ subject: 'Invoice \u202eexe.pdf\u202c question', description: 'Line one\r\n\tindented line two', name: '\u2066Sam\u2069' }));
    expect(res.statusCode, res.body).toBe(201);
    const ticket = (await agent.request('GET', `/api/tickets/${res.json().number}`)).json();
    expect(ticket.subject).toBe('Invoice exe.pdf question');
    expect(ticket.description).toBe('Line one\r\n\tindented line two');
    expect(ticket.customer.name).toBe('Sam');
  });

  it('checks the fields of a multipart form too', async () => {
    const form = multipart({ email: 'caller@example.com', name: 'Caller\u0000' }, { filename: 'x.wav', type: 'audio/wav', bytes: Buffer.from('RIFF') });
    const res = await t.anonymous().request('POST', '/api/public/voice/tickets', form.payload, form.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.name');
  });
});
