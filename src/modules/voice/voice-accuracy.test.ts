import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithTools, VOICE_TOOLS } from '../../testing/system-tools';
import { queryRows } from '../../core/db';
import { createTestApp, type TestApp } from '../../testing/test-app';
import { multipart } from '../../testing/multipart';
import { speakWav } from '../../testing/voice-audio';
import { importArticles, readArticleDirectory } from '../kb';
import { VOICE_EVAL_SENTENCES } from './voice-eval';
import { subjectFromTranscript } from './voice-transcribe.service';
import { wordErrorRate } from './wer';

// The offline path end to end: espeak-ng speaks known support sentences, PocketSphinx (with the
// domain language model) transcribes them, and the tickets go through the normal intake.
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ config: { CLARA_STT_ENGINE: 'pocketsphinx' } });
  await t.ctx.voice.start();
  await importArticles(t.ctx, await readArticleDirectory());
  await t.ctx.jobs.runDue(500);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describeWithTools(VOICE_TOOLS, 'offline voice tickets (espeak-ng → PocketSphinx)', () => {
  it('classifies spoken tickets as their text would be, the double charge as billing', async () => {
    const agent = await t.as('agent');
    const ids: string[] = [];
    for (const sentence of VOICE_EVAL_SENTENCES) {
      const body = multipart({ email: 'caller@example.com' }, { filename: 'message.wav', type: 'audio/wav', bytes: speakWav(sentence) });
      const res = await agent.request('POST', '/api/voice/tickets', body.payload, body.headers);
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    await t.ctx.jobs.runDue(100);

    const rows = [];
    for (const [i, sentence] of VOICE_EVAL_SENTENCES.entries()) {
      const ticket = (await agent.request('GET', `/api/tickets/${ids[i]}`)).json();
      const expected = await t.ctx.classifier.classify({ subject: subjectFromTranscript(sentence), description: sentence });
      rows.push({ sentence, transcript: ticket.transcript ?? '', category: ticket.category, expected: expected.category, state: ticket.metadata.voice.state, model: ticket.metadata.voice.model });
    }
    const wer = wordErrorRate(rows.map((r) => ({ reference: r.sentence, hypothesis: r.transcript })));
    const agree = rows.filter((r) => r.category === r.expected).length;
    console.log(
      [...rows.map((r) => `${r.category === r.expected ? '✓' : '✗'} ${r.expected.padEnd(9)} ${r.category.padEnd(9)} "${r.transcript}"`), `WER (domain model) ${wer.toFixed(3)}; category agreement ${agree}/${rows.length}`].join('\n'),
    );

    expect(rows.every((r) => r.state === 'transcribed' && r.model.startsWith('pocketsphinx:domain-'))).toBe(true);
    const headline = rows[0]!;
    expect(headline.category).toBe('billing');
    expect(headline.transcript).toMatch(/charged twice/);
    // Per-sentence tolerance: PocketSphinx on synthetic speech mishears, but most tickets land right.
    expect(agree).toBeGreaterThanOrEqual(Math.ceil(rows.length * 0.75));
    expect(wer).toBeLessThan(0.8);
  }, 240_000);

  it('rebuilds the language model when the knowledge base changes', async () => {
    const lead = await t.as('lead');
    const hasWord = async () =>
      (await queryRows<{ n: number }>(t.ctx.db, sql`select count(*)::int as n from voice_language_models where dictionary like '%kumquat %'`))[0]!.n > 0;
    expect(await hasWord()).toBe(false);
    const res = await lead.request('POST', '/api/kb/articles', {
      title: 'Kumquat export settings',
      body: 'The kumquat export sends your reports every night. Open settings and choose kumquat export to switch it on.',
      category: 'technical',
      status: 'published',
    });
    expect(res.statusCode).toBe(201);
    t.clock.advance(60_000);
    await t.ctx.jobs.runDue(100);
    expect(await hasWord()).toBe(true);
  }, 60_000);
});
