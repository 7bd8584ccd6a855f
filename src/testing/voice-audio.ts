import { execFileSync } from 'node:child_process';

// Test recordings made on the spot: espeak-ng speaks, ffmpeg converts. Both are Debian packages
// that .ci/run installs.
export function speakWav(text: string): Buffer {
  return execFileSync('espeak-ng', ['-v', 'en-us', '--stdout'], { input: text, maxBuffer: 64 * 1024 * 1024 });
}

export function convertAudio(wav: Buffer, format: 'mp3' | 'ogg' | 'webm'): Buffer {
  const codec = { mp3: ['-c:a', 'libmp3lame'], ogg: ['-c:a', 'libopus'], webm: ['-c:a', 'libopus'] }[format];
  return execFileSync('ffmpeg', ['-v', 'error', '-i', 'pipe:0', ...codec, '-f', format, 'pipe:1'], { input: wav, maxBuffer: 64 * 1024 * 1024 });
}

export function silenceWav(seconds: number, sampleRate = 8000): Buffer {
  return execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `anullsrc=r=${sampleRate}:cl=mono`, '-t', String(seconds), '-c:a', 'pcm_u8', '-f', 'wav', 'pipe:1'], {
    maxBuffer: 64 * 1024 * 1024,
  });
}
