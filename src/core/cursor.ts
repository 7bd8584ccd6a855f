import type { ZodType } from 'zod';
import { AppError } from './errors';

// Opaque keyset cursors: base64url JSON of the last row's sort key.
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(cursor: string, schema: ZodType<T>): T {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: reported below like any other bad cursor
  }
  throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [{ field: 'querystring.cursor', message: 'invalid cursor' }]);
}
