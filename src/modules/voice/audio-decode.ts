import { runProcess } from './subprocess';

export const SAMPLE_RATE = 16_000;

/** 16 kHz mono signed 16-bit PCM: what every speech engine here accepts. */
export interface DecodedAudio {
  pcm: Buffer;
  durationMs: number;
}

export class AudioDecodeError extends Error {}

export async function decodeAudio(bytes: Buffer, ffmpeg = 'ffmpeg'): Promise<DecodedAudio> {
  const result = await runProcess(ffmpeg, ['-v', 'error', '-nostdin', '-i', 'pipe:0', '-f', 's16le', '-acodec', 'pcm_s16le', '-ac', '1', '-ar', String(SAMPLE_RATE), 'pipe:1'], {
    input: bytes,
    timeoutMs: 60_000,
  });
  if (result.code !== 0) throw new AudioDecodeError(result.stderr.trim().split('\n').at(-1) || `ffmpeg exited with ${result.code}`);
  if (result.stdout.length < 2) throw new AudioDecodeError('the file contains no audio');
  const pcm = result.stdout.subarray(0, result.stdout.length - (result.stdout.length % 2));
  return { pcm, durationMs: Math.round((pcm.length / 2 / SAMPLE_RATE) * 1000) };
}

export function wavFromPcm(pcm: Buffer, sampleRate = SAMPLE_RATE): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

export function pcmToFloat32(pcm: Buffer): Float32Array {
  const out = new Float32Array(pcm.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = pcm.readInt16LE(i * 2) / 32768;
  return out;
}
