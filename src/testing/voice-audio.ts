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

/** A multipart/form-data body as a browser or `curl -F` would send it. */
export function multipart(fields: Record<string, string>, file?: { name?: string; filename: string; type: string; bytes: Buffer }) {
  const boundary = `----clara${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.name ?? 'audio'}"; filename="${file.filename}"\r\ncontent-type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
