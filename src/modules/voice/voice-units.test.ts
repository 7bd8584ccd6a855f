import { describe, expect, it } from 'vitest';
import { wavFromPcm } from './audio-decode';
import { sniffAudioFormat } from './audio-format';
import { parsePocketSphinxOutput } from './stt-pocketsphinx';
import { transcriptionEndpoint } from './stt-whisper-server';
import { speakableText, splitCommand } from './tts';
import { subjectFromTranscript } from './voice-transcribe.service';
import { wordErrorRate, wordErrors } from './wer';

describe('audio sniffing', () => {
  it('recognises containers by their first bytes, whatever the declared type', () => {
    const pad = (b: number[] | string) => Buffer.concat([typeof b === 'string' ? Buffer.from(b, 'latin1') : Buffer.from(b), Buffer.alloc(16)]);
    expect(sniffAudioFormat(wavFromPcm(Buffer.alloc(100)))).toBe('wav');
    expect(sniffAudioFormat(pad('ID3\x04'))).toBe('mp3');
    expect(sniffAudioFormat(pad([0xff, 0xfb, 0x90, 0x64]))).toBe('mp3');
    expect(sniffAudioFormat(pad('OggS'))).toBe('ogg');
    expect(sniffAudioFormat(pad([0x1a, 0x45, 0xdf, 0xa3]))).toBe('webm');
    expect(sniffAudioFormat(pad('%PDF-1.7'))).toBeNull();
    expect(sniffAudioFormat(Buffer.from('RIFF'))).toBeNull();
  });
});

describe('PocketSphinx output', () => {
  it('turns -time word lines into segments without fillers or alternate-pronunciation marks', () => {
    const out = ['was charged twice', '<s> 0.000 0.100 0.998', 'was 0.110 0.280 0.51', '<sil> 0.290 0.380 0.85', 'charged 0.390 0.790 0.75', 'twice(2) 0.800 1.200 0.2', '</s> 1.210 1.500 1.0',
      'refund me', '<s> 2.000 2.050 1.0', '[NOISE] 2.050 2.100 1.0', 'refund 2.100 2.500 0.4', 'me 2.510 2.700 0.3', '</s> 2.710 3.000 1.0'].join('\n');
    expect(parsePocketSphinxOutput(out)).toEqual([
      { start: 0, end: 1.21, text: 'was charged twice' },
      { start: 2, end: 2.71, text: 'refund me' },
    ]);
  });
});

describe('word error rate', () => {
  it('counts substitutions, deletions and insertions over reference words', () => {
    expect(wordErrors('I was charged twice', 'was charged white spots')).toEqual({ errors: 3, words: 4 });
    expect(wordErrorRate([{ reference: 'Please refund me.', hypothesis: 'please refund me' }])).toBe(0);
  });
});

describe('voice helpers', () => {
  it('makes a subject from the first words of the transcript', () => {
    expect(subjectFromTranscript('i was charged twice')).toBe('I was charged twice');
    expect(subjectFromTranscript('')).toBe('Voice message');
    expect(subjectFromTranscript('word '.repeat(40)).length).toBeLessThanOrEqual(81);
  });

  it('accepts a Whisper server base URL or its full endpoint', () => {
    expect(transcriptionEndpoint('http://stt:8000')).toBe('http://stt:8000/v1/audio/transcriptions');
    expect(transcriptionEndpoint('http://stt:8000/v1/')).toBe('http://stt:8000/v1/audio/transcriptions');
    expect(transcriptionEndpoint('http://stt/inference/v1/audio/transcriptions')).toBe('http://stt/inference/v1/audio/transcriptions');
  });

  it('speaks replies without Markdown, links or the sources list', () => {
    expect(speakableText('We **refunded** it, see [billing](https://x.test/b) or https://x.test [1].\n\nSources:\n[1] Refunds')).toBe('We refunded it, see billing or the link in the message.');
    expect(splitCommand('piper --model "/voices/en us.onnx" --output_file {output}')).toEqual(['piper', '--model', '/voices/en us.onnx', '--output_file', '{output}']);
  });
});
