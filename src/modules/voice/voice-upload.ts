import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { AppError } from '../../core/errors';
import { findControlCharacter } from '../../core/input-guard';
import { multipartError } from '../../core/multipart';

export interface ReadUpload<T> {
  bytes: Buffer;
  filename?: string;
  fields: T;
}

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * The recording from a multipart form (field `audio`, plus e-mail/name fields) or a raw `audio/*`
 * body. Size limits are enforced while streaming, so an oversized upload is never held in memory.
 */
export async function readAudioUpload<T>(req: FastifyRequest, maxBytes: number, schema: ZodType<T>): Promise<ReadUpload<T>> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `The recording is larger than the limit of ${megabytes(maxBytes)}.`);
  let bytes: Buffer | null = null;
  let filename: string | undefined;
  const raw: Record<string, string> = {};
  if (Buffer.isBuffer(req.body)) {
    bytes = req.body;
    Object.assign(raw, req.query as Record<string, string>);
  } else if (req.isMultipart()) {
    try {
      for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10 } })) {
        if (part.type === 'file') {
          if (part.fieldname !== 'audio') throw new AppError('BAD_REQUEST', `Unexpected file field "${part.fieldname}": send the recording as "audio".`);
          bytes = await part.toBuffer();
          filename = part.filename || undefined;
        } else if (typeof part.value === 'string') {
          raw[part.fieldname] = part.value;
        }
      }
    } catch (err) {
      throw multipartError(err, tooLarge, 'Send one recording and at most a few fields.');
    }
  } else {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the recording as multipart/form-data (field "audio") or as an audio/* body.');
  }
  if (!bytes || bytes.length === 0) throw new AppError('BAD_REQUEST', 'No recording: send the audio file in the field "audio".');
  if (bytes.length > maxBytes) throw tooLarge();
  // Form fields are not a JSON body: the input guard does not see them.
  const control = findControlCharacter(raw, 'body');
  if (control) throw new AppError('VALIDATION_FAILED', 'The request is invalid.', [{ field: control, message: 'Control characters (such as NUL) are not allowed in text.' }]);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: `body.${i.path.join('.')}`, message: i.message }));
    throw new AppError('VALIDATION_FAILED', 'The request is invalid.', details);
  }
  return { bytes, filename, fields: parsed.data };
}
