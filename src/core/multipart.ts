import { AppError } from './errors';

/**
 * What went wrong while reading a multipart form, as the sender's error: a file over the limit is
 * 413, too many parts or a malformed form (no boundary, cut off) is 400 — never a 500.
 */
export function multipartError(err: unknown, tooLarge: () => AppError, tooMany = 'Send one file and at most a few fields.'): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return new AppError('BAD_REQUEST', tooMany);
  return new AppError('BAD_REQUEST', 'The multipart form could not be read: check its boundary and parts.');
}
