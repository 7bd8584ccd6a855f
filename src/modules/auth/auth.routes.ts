import type {} from '@fastify/cookie';
import type {} from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { UserIdParams } from '../users/users.schema';
import { SESSION_COOKIE } from './auth.hook';
import {
  AcceptedInvitation,
  AcceptInvitationBody,
  ApiToken,
  CreatedInvitation,
  CreatedToken,
  Invitation,
  InvitationToken,
  CreateTokenBody,
  LoginBody,
  LoginResponse,
  MeResponse,
  OkResponse,
  TokenIdParams,
  TokenList,
  UnlockedLogin,
} from './auth.schema';
import { createApiToken, listApiTokens, login, logout, me, revokeApiToken } from './auth.service';
import { LoginThrottle, unlockLogin } from './login-throttle';
import { auditBy } from '../audit';
import { acceptInvitation, getInvitation, inviteUser } from './invitations.service';

export function authRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  const limiter = new LoginThrottle(ctx);
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
    // Invitation links: guessing a 256-bit token is hopeless, the rate limit keeps scanners quiet anyway.
    const inviteLimit = { max: 30, timeWindow: '1 minute' };
    app.post(
      '/api/admin/users/:id/invite',
      {
        config: { permission: 'users:manage' },
        schema: { tags: ['admin'], summary: 'Email a one-time link to set a password', params: UserIdParams, response: { 201: CreatedInvitation } },
      },
      async (req, reply) => reply.status(201).send(await inviteUser(ctx, req.actor!, req.params.id, `${req.protocol}://${req.host}`, req.ip)),
    );
    app.post(
      '/api/admin/users/:id/unlock-login',
      {
        config: { permission: 'users:manage' },
        schema: { tags: ['admin'], summary: "Lift the user's login lockouts (failed passwords) from every address", params: UserIdParams, response: { 200: UnlockedLogin } },
      },
      async (req) => unlockLogin(ctx, limiter, auditBy(req), req.params.id),
    );
    app.get(
      '/api/auth/invitations/:token',
      { config: { public: true, rateLimit: inviteLimit }, schema: { tags: ['auth'], summary: 'Who an invitation is for', params: InvitationToken, response: { 200: Invitation } } },
      async (req) => getInvitation(ctx, req.params.token),
    );
    app.post(
      '/api/auth/invitations/accept',
      {
        config: { public: true, rateLimit: inviteLimit },
        schema: { tags: ['auth'], summary: 'Set your password from an invitation', body: AcceptInvitationBody, response: { 200: AcceptedInvitation } },
      },
      async (req) => acceptInvitation(ctx, req.body, req.ip),
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
