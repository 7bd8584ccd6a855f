import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../core/errors';

export interface PreparedAttachment {
  filename: string;
  contentType: string;
  declaredContentType: string;
  size: number;
  content: Buffer;
}

export interface SkippedAttachment {
  filename: string;
  size: number;
  reason: 'too_large';
}

interface MailAttachment {
  filename?: string;
  contentType: string;
  content: Buffer;
}

export function safeName(name: string | undefined, index = 0): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f"\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return base.slice(0, 200) || `attachment-${index + 1}`;
}

// The declared type is the sender's word; the bytes decide when they are a known format, so a
// renamed executable is not served as a harmless image.
async function sniff(content: Buffer, declared: string): Promise<string> {
  const detected = await fileTypeFromBuffer(content);
  if (detected) return detected.mime;
  return /^text\/(plain|csv|calendar)$/.test(declared) ? declared : 'application/octet-stream';
}

export async function prepareAttachments(list: MailAttachment[], maxBytes: number) {
  const stored: PreparedAttachment[] = [];
  const skipped: SkippedAttachment[] = [];
  for (const [i, a] of list.entries()) {
    const filename = safeName(a.filename, i);
    if (a.content.length > maxBytes) {
      skipped.push({ filename, size: a.content.length, reason: 'too_large' });
      continue;
    }
    const declared = a.contentType.toLowerCase();
    stored.push({ filename, contentType: await sniff(a.content, declared), declaredContentType: declared, size: a.content.length, content: a.content });
  }
  return { stored, skipped };
}

// What people attach to a support request: screenshots, recordings, documents, archives, logs.
// Decided by the bytes, not the name; anything else (programs, scripts, web pages, SVG) is refused.
const ALLOWED_SNIFFED = [/^image\/(png|jpeg|gif|webp|bmp|tiff|heic|heif|avif)$/, /^video\/(mp4|webm|quicktime|x-matroska)$/, /^audio\//, /^application\/(pdf|zip|gzip|x-7z-compressed|x-cfb|rtf)$/, /^application\/vnd\.(openxmlformats-officedocument|oasis\.opendocument|ms-outlook)/];
const TEXT_EXTENSIONS: Record<string, string> = { txt: 'text/plain', log: 'text/plain', md: 'text/plain', json: 'text/plain', xml: 'text/plain', yaml: 'text/plain', yml: 'text/plain', ini: 'text/plain', conf: 'text/plain', csv: 'text/csv', ics: 'text/calendar', eml: 'text/plain' };
// Names that run when opened, whatever their bytes look like (a .jar is a zip, a .js is text).
const RUNNABLE = /\.(exe|dll|com|bat|cmd|scr|pif|msi|msp|ps1|psm1|vbs|vbe|js|mjs|jse|wsf|wsh|hta|jar|apk|app|dmg|sh|bash|lnk|reg|html?|xhtml|svg|php|py|pl|rb)$/i;

function looksLikeText(content: Buffer): boolean {
  const head = content.subarray(0, 64 * 1024);
  if (head.includes(0)) return false;
  try {
    // stream: a character cut at the 64 KB mark is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < content.length });
    return true;
  } catch {
    return false;
  }
}

/** A file from the web app, checked against the size and type limits; a refusal names the reason. */
export async function prepareUpload(file: { filename?: string; contentType: string; content: Buffer }, maxBytes: number): Promise<PreparedAttachment> {
  const filename = safeName(file.filename);
  if (file.content.length === 0) throw new AppError('BAD_REQUEST', `${filename} is empty.`);
  if (file.content.length > maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `${filename} is larger than the limit of ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB.`);
  const refuse = () => new AppError('UNSUPPORTED_MEDIA_TYPE', `${filename}: this type of file cannot be attached. Images, videos, PDFs, office documents, archives and text files can.`);
  if (RUNNABLE.test(filename)) throw refuse();
  const declared = file.contentType.toLowerCase();
  const detected = await fileTypeFromBuffer(file.content);
  let contentType: string;
  if (detected) {
    if (!ALLOWED_SNIFFED.some((re) => re.test(detected.mime))) throw refuse();
    contentType = detected.mime;
  } else {
    const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
    const textType = TEXT_EXTENSIONS[extension];
    if (!textType || !looksLikeText(file.content)) throw refuse();
    contentType = textType;
  }
  return { filename, contentType, declaredContentType: declared, size: file.content.length, content: file.content };
}
