import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors';
import { multipartError } from '../../core/multipart';

export interface UploadedFile {
  filename?: string;
  contentType: string;
  content: Buffer;
}

/**
 * One file from a multipart form (field `file`). The size limit is enforced while streaming, so an
 * oversized upload is never held in memory; a malformed form is the sender's error, not ours.
 */
export async function readUploadedFile(req: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in the field "file".');
  let file: UploadedFile | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 5 } })) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') throw new AppError('BAD_REQUEST', `Unexpected file field "${part.fieldname}": send the file as "file".`);
      const content = await part.toBuffer();
      file = { filename: part.filename || undefined, contentType: part.mimetype || 'application/octet-stream', content };
    }
  } catch (err) {
    throw multipartError(err, () => new AppError('PAYLOAD_TOO_LARGE', `The file is larger than the limit of ${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB.`), 'Send one file per request.');
  }
  if (!file) throw new AppError('BAD_REQUEST', 'No file: send it in the field "file".');
  return file;
}
