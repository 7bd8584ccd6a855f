import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorBody } from './errors';
import type { Actor, Permission } from './rbac';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs; checked by the auth hook before validation. */
    permission?: Permission;
    /** No login needed (public intake, health, login itself). */
    public?: boolean;
    /**
     * The caller's own scratch data (a draft being typed), not an admin write: not audited even when
     * the route needs a lead's permission (see admin-writes-audited.test.ts).
     */
    personal?: boolean;
    /** Public, but answers a logged-in caller more (health details for system:read): look the caller up. */
    identify?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionCsrf: string | null;
  }
}

function body(code: string, message: string, requestId: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId } };
}

// The one error shape for every failure.
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, err.message);
      if (err.headers) void reply.headers(err.headers);
      return reply.status(err.status).send(body(err.code, err.message, req.id, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: [err.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message,
      }));
      return reply.status(400).send(body('VALIDATION_FAILED', 'The request is invalid.', req.id, details));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return reply.status(500).send(body('INTERNAL', ERROR_CODES.INTERNAL.message, req.id));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) {
      return reply.status(429).send(body('RATE_LIMITED', ERROR_CODES.RATE_LIMITED.message, req.id));
    }
    if (status === 413) return reply.status(413).send(body('PAYLOAD_TOO_LARGE', err.message, req.id));
    if (status === 415) return reply.status(415).send(body('UNSUPPORTED_MEDIA_TYPE', err.message, req.id));
    if (status >= 400 && status < 500) {
      return reply.status(status).send(body('BAD_REQUEST', err.message, req.id));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', ERROR_CODES.INTERNAL.message, req.id));
  });

  app.setNotFoundHandler((req, reply) => notFound(req, reply));
}

function notFound(req: FastifyRequest, reply: FastifyReply): void {
  const path = req.url.split('?')[0]!;
  void reply.status(404).send(body('NOT_FOUND', `No route ${req.method} ${path.length > 120 ? `${path.slice(0, 120)}…` : path}.`, req.id));
}

/**
 * Failures Fastify answers before routing (a badly %-encoded URL), in the one shape: Fastify's
 * `frameworkErrors` option, set where the instance is created.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  // A path segment longer than any id Clara issues names nothing (Fastify itself says 414 and echoes it whole).
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return notFound(req, reply);
  const message = err.code === 'FST_ERR_BAD_URL' ? 'The URL is not valid: check its %-encoding.' : err.message;
  void reply.status(err.statusCode && err.statusCode < 500 ? err.statusCode : 400).send(body('BAD_REQUEST', message, req.id));
}
