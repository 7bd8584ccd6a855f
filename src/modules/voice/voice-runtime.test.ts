import { expect, it } from 'vitest';
import { describeWithTools, VOICE_TOOLS } from '../../testing/system-tools';
import { testConfig } from '../../testing/test-app';
import { commandEngine } from './tts';
import { selectSpeechToText, selectTextToSpeech } from './voice-runtime';

describeWithTools(VOICE_TOOLS, 'choosing the speech engines', () => {
  it('prefers a configured Whisper server in auto mode', async () => {
    const found = await selectSpeechToText(testConfig({ CLARA_STT_ENGINE: 'auto', CLARA_STT_URL: 'http://whisper.local:8080' }));
    expect(found.engine?.name).toBe('whisper-server');
  });

  it('falls back to PocketSphinx when no Whisper is configured or its model folder does not load', async () => {
    const found = await selectSpeechToText(testConfig({ CLARA_STT_ENGINE: 'auto', CLARA_STT_MODEL_DIR: '/nonexistent/whisper-base' }));
    expect(found.engine?.name).toBe('pocketsphinx');
  });

  it('reports why an explicitly chosen engine is unavailable instead of failing start-up', async () => {
    const transformers = await selectSpeechToText(testConfig({ CLARA_STT_ENGINE: 'transformers', CLARA_STT_MODEL_DIR: '/nonexistent/whisper-base' }));
    expect(transformers.engine).toBeNull();
    expect(transformers.reason).toMatch(/did not load/);
    const sphinx = await selectSpeechToText(testConfig({ CLARA_STT_ENGINE: 'pocketsphinx', CLARA_POCKETSPHINX_MODEL_DIR: '/nonexistent/en-us' }));
    expect(sphinx.engine).toBeNull();
    expect(sphinx.reason).toMatch(/no PocketSphinx model/);
  });

  it('uses CLARA_TTS_CMD over espeak-ng', async () => {
    expect((await selectTextToSpeech(testConfig())).engine?.name).toBe('espeak-ng');
    expect((await selectTextToSpeech(testConfig({ CLARA_TTS_CMD: 'piper --model /voices/en.onnx --output_file {output}' }))).engine?.name).toBe('command');
  });

  it('runs a TTS command that writes to {output} or to stdout (Piper-style)', async () => {
    for (const command of ['espeak-ng -v en-us -w {output}', 'espeak-ng -v en-us --stdout']) {
      const wav = await commandEngine(command).synthesize('Your refund is on its way.');
      expect(wav.subarray(0, 4).toString('latin1')).toBe('RIFF');
    }
  });
});
