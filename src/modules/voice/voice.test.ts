import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTools, VOICE_TOOLS } from '../../testing/system-tools';
import { queryRows } from '../../core/db';
import { startFakeWhisper, type FakeWhisper } from '../../testing/fake-whisper';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { multipart } from '../../testing/multipart';
import { convertAudio, silenceWav, speakWav } from '../../testing/voice-audio';

const HEADLINE = 'I was charged twice for my subscription, please refund me';
const SEGMENTS = [
  { start: 0, end: 2.1, text: 'I was charged twice for my subscription,' },
  { start: 2.1, end: 3.6, text: 'please refund me.' },
];

let t: TestApp;
let whisper: FakeWhisper;
let wav: Buffer;

async function stored(app: TestApp) {
  const [row] = await queryRows<{ tickets: number; recordings: number; jobs: number }>(
    app.ctx.db,
    sql`select (select count(*)::int from tickets) as tickets, (select count(*)::int from voice_recordings) as recordings, (select count(*)::int from jobs where name = 'voice.transcribe') as jobs`,
  );
  return row!;
}

function upload(bytes: Buffer, fields: Record<string, string> = { email: 'caller@example.com', name: 'Casey Caller' }, type = 'audio/wav') {
  return multipart(fields, { filename: 'message', type, bytes });
}

beforeAll(async () => {
  whisper = await startFakeWhisper();
  whisper.respond = () => ({ text: HEADLINE, segments: SEGMENTS });
  t = await createTestApp({
    config: { CLARA_STT_ENGINE: 'whisper-server', CLARA_STT_URL: whisper.url, CLARA_STT_MODEL: 'whisper-small', CLARA_VOICE_MAX_BYTES: 400_000, CLARA_VOICE_MAX_SECONDS: 20 },
  });
  await t.ctx.voice.start();
  wav = speakWav(HEADLINE);
});

afterAll(async () => {
  await t.close();
  await whisper.close();
});

describeWithTools(VOICE_TOOLS, 'voice intake', () => {
  it('opens a ticket at once and classifies it like a web ticket once the transcript is in', async () => {
    const agent = await t.as('agent');
    const body = upload(wav);
    const res = await agent.request('POST', '/api/voice/tickets', body.payload, body.headers);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ channel: 'voice', status: 'open', transcript: null, metadata: { voice: { state: 'transcribing', format: 'wav' } } });

    await t.ctx.jobs.runDue();

    const ticket = (await agent.request('GET', `/api/tickets/${created.id}`)).json();
    expect(ticket).toMatchObject({ channel: 'voice', category: 'billing', transcript: HEADLINE, subject: HEADLINE, description: HEADLINE });
    expect(ticket.metadata.voice).toMatchObject({ state: 'transcribed', model: 'whisper-server:whisper-small', segments: SEGMENTS });
    expect(ticket.metadata.intake).toBeUndefined();
    const history = (await agent.request('GET', `/api/tickets/${created.id}/history`)).json().items.map((h: { action: string }) => h.action);
    expect(history).toEqual(expect.arrayContaining(['created', 'intake_completed']));
    const messages = (await agent.request('GET', `/api/tickets/${created.id}/messages`)).json().items;
    expect(messages[0]).toMatchObject({ author_type: 'customer', channel: 'voice', body: HEADLINE });
    expect(whisper.requests.at(-1)).toMatchObject({ model: 'whisper-small', responseFormat: 'verbose_json', fileType: 'audio/wav' });
  });

  it('shows the transcript with its segments and serves the original recording to staff', async () => {
    const agent = await t.as('agent');
    const body = upload(wav);
    const { id } = (await agent.request('POST', '/api/voice/tickets', body.payload, body.headers)).json();
    await t.ctx.jobs.runDue();
    const viewer = await t.as('viewer');
    const info = await viewer.request('GET', `/api/voice/tickets/${id}`);
    expect(info.json()).toMatchObject({ state: 'transcribed', format: 'wav', transcript: HEADLINE, segments: SEGMENTS, recording_url: `/api/voice/tickets/${id}/recording` });
    const audio = await viewer.request('GET', `/api/voice/tickets/${id}/recording`);
    expect(audio.statusCode).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/wav');
    expect(audio.rawPayload.equals(wav)).toBe(true);
  });

  it.each(['mp3', 'ogg', 'webm'] as const)('accepts %s recordings', async (format) => {
    const agent = await t.as('agent');
    const body = upload(convertAudio(wav, format), {}, `audio/${format}`);
    const res = await agent.request('POST', '/api/voice/tickets', body.payload, body.headers);
    expect(res.statusCode).toBe(201);
    expect(res.json().metadata.voice.format).toBe(format);
    expect(res.json().customer.name).toBe('Unknown caller');
  });

  it('takes a raw audio body as a phone system would post it', async () => {
    const agent = await t.as('agent');
    const res = await agent.request('POST', '/api/voice/tickets?email=pbx%40example.com', wav, { 'content-type': 'audio/wav' });
    expect(res.statusCode).toBe(201);
    expect(res.json().customer.email).toBe('pbx@example.com');
  });

  it('rejects a file that is not audio with 415 and stores nothing', async () => {
    const agent = await t.as('agent');
    const before = await stored(t);
    const body = upload(Buffer.from('%PDF-1.7 this is not a recording at all'), {}, 'audio/wav');
    const res = await agent.request('POST', '/api/voice/tickets', body.payload, body.headers);
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await stored(t)).toEqual(before);
  });

  it('rejects a corrupt recording with 400 and stores nothing', async () => {
    const agent = await t.as('agent');
    const before = await stored(t);
    const corrupt = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), Buffer.alloc(2000, 0xab)]);
    const body = upload(corrupt);
    const res = await agent.request('POST', '/api/voice/tickets', body.payload, body.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/could not be decoded/);
    expect(await stored(t)).toEqual(before);
  });

  it('rejects a recording over the size limit with 413 and stores nothing', async () => {
    const agent = await t.as('agent');
    const before = await stored(t);
    const body = upload(Buffer.concat([wav, Buffer.alloc(500_000)]));
    const res = await agent.request('POST', '/api/voice/tickets', body.payload, body.headers);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/larger than the limit/);
    expect(await stored(t)).toEqual(before);
  });

  it('rejects a recording longer than the duration limit with 400 and stores nothing', async () => {
    const agent = await t.as('agent');
    const before = await stored(t);
    const body = upload(silenceWav(25));
    const res = await agent.request('POST', '/api/voice/tickets', body.payload, body.headers);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/25 seconds long; the limit is 20 seconds/);
    expect(await stored(t)).toEqual(before);
  });

  it('rejects a request without a recording', async () => {
    const agent = await t.as('agent');
    const body = multipart({ email: 'caller@example.com' });
    const res = await agent.request('POST', '/api/voice/tickets', body.payload, body.headers);
    expect(res.statusCode).toBe(400);
  });

  it('answers a multipart request without a boundary with 400 on both upload routes', async () => {
    const agent = await t.as('agent');
    const headers = { 'content-type': 'multipart/form-data' };
    for (const [caller, url] of [
      [agent, '/api/voice/tickets'],
      [t.anonymous(), '/api/public/voice/tickets'],
    ] as const) {
      const res = await caller.request('POST', url, '--x\r\ncontent-disposition: form-data; name="audio"\r\n\r\nabc\r\n--x--\r\n', headers);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.json().error.code).toBe('BAD_REQUEST');
    }
  });

  it('does not let a viewer or an anonymous caller use the staff route', async () => {
    const body = upload(wav);
    expect((await (await t.as('viewer')).request('POST', '/api/voice/tickets', body.payload, body.headers)).statusCode).toBe(403);
    expect((await t.anonymous().request('POST', '/api/voice/tickets', body.payload, body.headers)).statusCode).toBe(401);
    expect((await t.anonymous().request('GET', `/api/voice/tickets/1001/recording`)).statusCode).toBe(401);
  });

  it('retries a failed transcription and keeps the recording meanwhile', async () => {
    const agent = await t.as('agent');
    whisper.respond = () => ({ status: 503 });
    const body = upload(wav);
    const { id } = (await agent.request('POST', '/api/voice/tickets', body.payload, body.headers)).json();
    await t.ctx.jobs.runDue();
    const waiting = (await agent.request('GET', `/api/voice/tickets/${id}`)).json();
    expect(waiting.state).toBe('transcribing');
    whisper.respond = () => ({ text: HEADLINE, segments: SEGMENTS });
    t.clock.advance(60_000);
    await t.ctx.jobs.runDue();
    expect((await agent.request('GET', `/api/voice/tickets/${id}`)).json().state).toBe('transcribed');
  });

  it('hands the ticket to people when transcription keeps failing, recording intact', async () => {
    const agent = await t.as('agent');
    whisper.respond = () => ({ status: 500 });
    const body = upload(wav);
    const { id } = (await agent.request('POST', '/api/voice/tickets', body.payload, body.headers)).json();
    for (let i = 0; i < 5; i++) {
      await t.ctx.jobs.runDue();
      t.clock.advance(10 * 60_000);
    }
    whisper.respond = () => ({ text: HEADLINE, segments: SEGMENTS });
    const ticket = (await agent.request('GET', `/api/tickets/${id}`)).json();
    expect(ticket.metadata.voice.state).toBe('failed');
    expect(ticket.description).toMatch(/could not be transcribed/);
    expect((await agent.request('GET', `/api/voice/tickets/${id}/recording`)).rawPayload.equals(wav)).toBe(true);
  });

  it('reports the speech engines on /health', async () => {
    const health = (await (await t.as('lead')).request('GET', '/health')).json();
    expect(health.voice).toEqual({ stt: 'whisper-server', tts: 'espeak-ng' });
    expect(health.features.speech_to_text.enabled).toBe(true);
  });
});

describeWithTools(VOICE_TOOLS, 'spoken answers', () => {
  async function answeredTicket() {
    const agent = await t.as('agent');
    const created = (await agent.request('POST', '/api/public/tickets', { subject: 'Refund please', description: 'I was charged twice this month.', email: 'listener@example.com' })).json();
    const { id } = (await agent.request('GET', `/api/tickets/${created.number}`)).json();
    const reply = (await agent.request('POST', `/api/tickets/${id}/messages`, { body: 'We refunded the **second** charge. See [billing](https://example.com/billing).' })).json();
    const note = (await agent.request('POST', `/api/tickets/${id}/messages`, { body: 'internal: customer was angry', internal: true })).json();
    return { agent, id, token: created.token as string, replyId: reply.id as string, noteId: note.id as string };
  }

  it('renders a public reply to WAV speech and caches it', async () => {
    const { agent, id, replyId } = await answeredTicket();
    const first = await agent.request('GET', `/api/tickets/${id}/messages/${replyId}/audio`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('audio/wav');
    expect(first.rawPayload.subarray(0, 4).toString('latin1')).toBe('RIFF');
    const again = await agent.request('GET', `/api/tickets/${id}/messages/${replyId}/audio`);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    const [cache] = await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from voice_speech_cache`);
    expect(cache!.n).toBeGreaterThanOrEqual(1);
  });

  it('never speaks an internal note or a customer message', async () => {
    const { agent, id, noteId } = await answeredTicket();
    expect((await agent.request('GET', `/api/tickets/${id}/messages/${noteId}/audio`)).statusCode).toBe(404);
  });

  it('lets the customer play the reply from the status page with the follow-up token', async () => {
    const { token } = await answeredTicket();
    const status = (await t.anonymous().request('GET', `/api/public/tickets/${token}`)).json();
    const index = status.messages.findIndex((m: { author_type: string }) => m.author_type === 'agent');
    expect(index).toBe(1);
    const res = await t.anonymous().request('GET', `/api/public/tickets/${token}/messages/${index}/audio`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('audio/wav');
    expect((await t.anonymous().request('GET', `/api/public/tickets/${token}/messages/0/audio`)).statusCode).toBe(404);
    expect((await t.anonymous().request('GET', `/api/public/tickets/${token}/messages/7/audio`)).statusCode).toBe(404);
    expect((await t.anonymous().request('GET', `/api/public/tickets/${'x'.repeat(32)}/messages/1/audio`)).statusCode).toBe(404);
  });
});
