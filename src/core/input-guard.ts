import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

// C0 control characters other than tab, LF and CR (and DEL): never part of text a person typed,
// and PostgreSQL refuses NUL in text outright.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The path of the first string holding a control character, e.g. `body.customer.name`. */
export function findControlCharacter(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (CONTROL.test(key)) return `${path}.${key.replace(CONTROL, '?')}`;
    const found = findControlCharacter(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Every request's JSON body, query and path parameters are checked before validation: a control
 * character anywhere is a 400 naming the field, whichever route it reaches.
 */
export function installInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ] as const) {
      const field = findControlCharacter(value, part);
      if (field) {
        throw new AppError('VALIDATION_FAILED', 'The request is invalid.', [{ field, message: 'Control characters (such as NUL) are not allowed in text.' }]);
      }
    }
  });
}
