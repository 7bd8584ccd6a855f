import { fileTypeFromBuffer } from 'file-type';

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

function safeName(name: string | undefined, index: number): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f"]/g, '').trim();
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
