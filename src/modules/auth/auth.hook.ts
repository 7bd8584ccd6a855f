import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { can } from '../../core/rbac';
import { authenticateBearer, authenticateSession, type ResolvedAuth } from './auth.service';

export const SESSION_COOKIE = 'clara_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function resolve(ctx: CoreContext, req: FastifyRequest): Promise<ResolvedAuth | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const found = await authenticateBearer(ctx, header.slice(7).trim());
    if (!found) throw new AppError('UNAUTHENTICATED', 'The API token is invalid, expired or revoked.');
    return found;
  }
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? authenticateSession(ctx, cookie) : null;
}

// Every /api route must say who may call it; a route that forgets fails at start-up, not in production.
export function installAuth(app: FastifyInstance, ctx: CoreContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRoute', (route) => {
    const cfg = route.config as { permission?: string; public?: boolean } | undefined;
    if (route.url.startsWith('/api/') && !cfg?.permission && !cfg?.public) {
      throw new Error(`route ${route.method} ${route.url} declares neither a permission nor public: true`);
    }
  });

  // onRequest runs before body validation, so a caller without permission learns nothing about the schema.
  app.addHook('onRequest', async (req) => {
    const cfg = req.routeOptions.config;
    // Static files, docs, health and metrics need no caller: skip the session lookup for them.
    if (!cfg.permission && !cfg.identify && !req.url.startsWith('/api/')) return;
    // A public route that only looks at who is asking treats a bearer it does not know (the metrics token) as nobody.
    const auth = cfg.identify && !cfg.permission ? await resolve(ctx, req).catch(() => null) : await resolve(ctx, req);
    req.actor = auth?.actor ?? null;
    req.sessionCsrf = auth?.csrf ?? null;
    if (!cfg.permission) return;
    if (!req.actor || req.actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
    if (!can(req.actor.role, cfg.permission)) throw new AppError('FORBIDDEN', `Your role (${req.actor.role}) lacks ${cfg.permission}.`);
    if (req.actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== req.sessionCsrf) throw new AppError('CSRF_FAILED');
    }
  });
}
