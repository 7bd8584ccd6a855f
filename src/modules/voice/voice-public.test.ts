import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTools, VOICE_TOOLS } from '../../testing/system-tools';
import { queryRows } from '../../core/db';
import { startFakeWhisper, type FakeWhisper } from '../../testing/fake-whisper';
import { createTestApp, validTicketBody, type TestApp } from '../../testing/test-app';
import { multipart } from '../../testing/multipart';
import { speakWav } from '../../testing/voice-audio';
import { importArticles, readArticleDirectory } from '../kb';

const QUESTION = 'How do I regenerate my recovery codes for two-factor authentication?';

let t: TestApp;
let whisper: FakeWhisper;
let wav: Buffer;

function voiceMessage(fields: Record<string, string> = { email: 'jane@example.com' }) {
  return multipart(fields, { filename: 'message.wav', type: 'audio/wav', bytes: wav });
}

beforeAll(async () => {
  whisper = await startFakeWhisper();
  whisper.respond = () => ({ text: QUESTION, segments: [{ start: 0, end: 3.2, text: QUESTION }] });
  t = await createTestApp({ config: { CLARA_STT_ENGINE: 'whisper-server', CLARA_STT_URL: whisper.url, CLARA_PUBLIC_INTAKE_PER_MINUTE: 2 } });
  await t.ctx.voice.start();
  await importArticles(t.ctx, await readArticleDirectory());
  await t.ctx.jobs.runDue(500);
  wav = speakWav(QUESTION);
});

afterAll(async () => {
  await t.close();
  await whisper.close();
});

describeWithTools(VOICE_TOOLS, 'public voice messages', () => {
  it('lets a customer without an account leave a voice message and hear the automatic answer', async () => {
    const visitor = t.anonymous();
    const body = voiceMessage();
    const res = await visitor.request('POST', '/api/public/voice/tickets', body.payload, { ...body.headers, 'x-forwarded-for': '10.0.0.1' });
    expect(res.statusCode).toBe(201);
    const { token, status_url } = res.json();
    expect(status_url).toContain(`/api/public/tickets/${token}`);
    expect((await visitor.request('GET', `/api/public/tickets/${token}`)).json().subject).toBe('Voice message (transcribing…)');

    await t.ctx.jobs.runDue();

    const status = (await visitor.request('GET', `/api/public/tickets/${token}`)).json();
    expect(status.status).toBe('resolved');
    expect(status.messages.map((m: { author_type: string }) => m.author_type)).toEqual(['customer', 'automation']);
    expect(status.messages[0].body).toBe(QUESTION);
    const speech = await visitor.request('GET', `/api/public/tickets/${token}/messages/1/audio`);
    expect(speech.statusCode).toBe(200);
    expect(speech.headers['content-type']).toBe('audio/wav');
  });

  it('limits voice messages per client address like the public form', async () => {
    const count = async () => (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from voice_recordings`))[0]!.n;
    const before = await count();
    const send = () => {
      const body = voiceMessage();
      return t.anonymous().request('POST', '/api/public/voice/tickets', body.payload, { ...body.headers, 'x-forwarded-for': '10.0.0.9' });
    };
    expect((await send()).statusCode).toBe(201);
    expect((await send()).statusCode).toBe(201);
    const third = await send();
    expect(third.statusCode).toBe(429);
    expect(third.json().error.code).toBe('RATE_LIMITED');
    expect(await count()).toBe(before + 2);
  });

  it('asks for an e-mail address to answer to', async () => {
    const body = voiceMessage({ name: 'Jane' });
    const res = await t.anonymous().request('POST', '/api/public/voice/tickets', body.payload, { ...body.headers, 'x-forwarded-for': '10.0.0.3' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('body.email');
  });
});

describeWithTools(VOICE_TOOLS, 'without a speech-to-text engine', () => {
  let off: TestApp;
  beforeAll(async () => {
    off = await createTestApp({ config: { CLARA_STT_ENGINE: 'none' } });
    await off.ctx.voice.start();
  });
  afterAll(() => off.close());

  it('answers 503 with a clear message, stores nothing, and everything else keeps working', async () => {
    const agent = await off.as('agent');
    const body = voiceMessage();
    const res = await agent.request('POST', '/api/voice/tickets', body.payload, body.headers);
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/speech-to-text is switched off \(CLARA_STT_ENGINE=none\)/) });
    expect((await queryRows<{ n: number }>(off.ctx.db, sql`select count(*)::int as n from tickets`))[0]!.n).toBe(0);
    expect((await (await off.as('lead')).request('GET', '/health')).json().voice.stt).toBe('none');
    expect((await agent.request('POST', '/api/tickets', validTicketBody())).statusCode).toBe(201);
  });
});
