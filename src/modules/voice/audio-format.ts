// Audio containers Clara accepts, recognised by their first bytes: the browser's or the phone
// system's declared content type is often wrong (Firefox records WebM, Safari MP4 labelled audio/webm).
export const AUDIO_FORMATS = ['wav', 'mp3', 'ogg', 'webm'] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];

export const AUDIO_MIME: Record<AudioFormat, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
};

const ascii = (bytes: Buffer, start: number, text: string) => bytes.subarray(start, start + text.length).toString('latin1') === text;

function isMp3(bytes: Buffer): boolean {
  if (ascii(bytes, 0, 'ID3')) return true;
  // An MPEG audio frame header: 11 sync bits, then a valid layer (not "reserved").
  return bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0;
}

export function sniffAudioFormat(bytes: Buffer): AudioFormat | null {
  if (bytes.length < 12) return null;
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return 'wav';
  if (ascii(bytes, 0, 'OggS')) return 'ogg';
  if (bytes.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  if (isMp3(bytes)) return 'mp3';
  return null;
}
