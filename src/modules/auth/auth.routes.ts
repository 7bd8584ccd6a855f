import type {} from '@fastify/cookie';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { SESSION_COOKIE } from './auth.hook';
import { ApiToken, CreatedToken, CreateTokenBody, LoginBody, LoginResponse, MeResponse, OkResponse, TokenIdParams, TokenList } from './auth.schema';
import { createApiToken, listApiTokens, login, logout, me, revokeApiToken } from './auth.service';
import { LoginLimiter } from './login-limiter';

export function authRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  const limiter = new LoginLimiter(ctx.config);
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'Log in; sets an httpOnly session cookie', body: LoginBody, response: { 200: LoginResponse } },
      },
      async (req, reply) => {
        const result = await login(ctx, limiter, req.body, { ip: req.ip, userAgent: req.headers['user-agent'] });
        reply.setCookie(SESSION_COOKIE, result.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.CLARA_SECURE_COOKIES,
          maxAge: ctx.config.CLARA_SESSION_TTL_HOURS * 3600,
        });
        return result.body;
      },
    );
    app.post(
      '/api/auth/logout',
      { config: { public: true }, schema: { tags: ['auth'], summary: 'Log out', response: { 200: OkResponse } } },
      async (req, reply) => {
        if (req.actor?.type === 'user' && req.actor.via === 'session' && req.headers['x-csrf-token'] !== req.sessionCsrf) {
          throw new AppError('CSRF_FAILED');
        }
        await logout(ctx, req.cookies[SESSION_COOKIE]);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );
    app.get(
      '/api/auth/me',
      { config: { public: true }, schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: MeResponse } } },
      async (req) => {
        if (!req.actor) throw new AppError('UNAUTHENTICATED');
        return me(ctx, req.actor, req.sessionCsrf);
      },
    );
    app.post(
      '/api/admin/tokens',
      {
        config: { permission: 'tokens:manage' },
        schema: { tags: ['admin'], summary: 'Create an API token (shown once)', body: CreateTokenBody, response: { 201: CreatedToken } },
      },
      async (req, reply) => {
        const actor = req.actor!;
        const userId = req.body.user_id ?? (actor.type === 'user' ? actor.id : '');
        return reply.status(201).send(await createApiToken(ctx, actor, { ...req.body, user_id: userId }, req.ip));
      },
    );
    app.get(
      '/api/admin/tokens',
      { config: { permission: 'tokens:manage' }, schema: { tags: ['admin'], summary: 'List API tokens', response: { 200: TokenList } } },
      async () => listApiTokens(ctx),
    );
    app.delete(
      '/api/admin/tokens/:id',
      {
        config: { permission: 'tokens:manage' },
        schema: { tags: ['admin'], summary: 'Revoke an API token', params: TokenIdParams, response: { 200: ApiToken } },
      },
      async (req) => revokeApiToken(ctx, req.actor!, req.params.id, req.ip),
    );
  };
}
