import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { ROLE_PERMISSIONS, type Actor } from '../../core/rbac';
import { hashToken, randomToken } from '../../core/secrets';
import { recordAudit } from '../audit';
import { findUserByEmail, findUserById, hashPassword, verifyPassword, users, type UserRow } from '../users';
import { eq } from 'drizzle-orm';
import {
  deleteSession,
  deleteUserSessions,
  findActiveApiToken,
  findActiveSession,
  findApiToken,
  findApiTokens,
  insertApiToken,
  insertSession,
  revokeApiTokenRow,
  touchApiToken,
} from './auth.queries';
import type { CreateTokenBody, LoginBody } from './auth.schema';
import type { LoginThrottle } from './login-throttle';

export const TOKEN_PREFIX = 'clara_';

export function toMe(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    timezone: user.timezone,
    permissions: [...ROLE_PERMISSIONS[user.role]],
  };
}

// An unknown email is checked against a throw-away hash, so the answer takes as long as for a wrong password.
let dummyHash: Promise<string> | undefined;
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomToken());
  return dummyHash;
}

export async function login(ctx: CoreContext, limiter: LoginThrottle, input: LoginBody, meta: { ip: string; userAgent?: string }) {
  await limiter.beforeAttempt(meta.ip, input.email);
  const user = await findUserByEmail(ctx.db, input.email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), input.password);
  const ok = user?.active === true && passwordOk;
  if (!user || !ok) {
    await limiter.onFailure(meta.ip, input.email, user?.id);
    await recordAudit(ctx, ctx.db, null, { action: 'auth.login_failed', targetType: 'user', targetId: user?.id, details: { email: input.email }, ip: meta.ip });
    throw new AppError('INVALID_CREDENTIALS');
  }
  await limiter.onSuccess(meta.ip, input.email);
  const token = randomToken();
  const csrf = randomToken(24);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await insertSession(tx, {
      tokenHash: hashToken(token),
      csrfToken: csrf,
      userId: user.id,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + ctx.config.CLARA_SESSION_TTL_HOURS * 3_600_000),
    });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await recordAudit(ctx, tx, { type: 'user', id: user.id, role: user.role, name: user.name, via: 'session' }, {
      action: 'auth.login',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
    });
  });
  return { token, body: { user: toMe(user), csrf_token: csrf } };
}

export async function logout(ctx: CoreContext, sessionToken: string | undefined) {
  if (sessionToken) await deleteSession(ctx.db, hashToken(sessionToken));
}

export async function me(ctx: CoreContext, actor: Actor, csrf: string | null) {
  if (actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  const user = await findUserById(ctx.db, actor.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return { user: toMe(user), csrf_token: csrf };
}

export interface ResolvedAuth {
  actor: Actor;
  csrf: string | null;
}

export async function authenticateSession(ctx: CoreContext, token: string): Promise<ResolvedAuth | null> {
  const found = await findActiveSession(ctx.db, hashToken(token), ctx.clock.now());
  if (!found) return null;
  const { user, session } = found;
  return { actor: { type: 'user', id: user.id, role: user.role, name: user.name, via: 'session' }, csrf: session.csrfToken };
}

export async function authenticateBearer(ctx: CoreContext, token: string): Promise<ResolvedAuth | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const now = ctx.clock.now();
  const found = await findActiveApiToken(ctx.db, hashToken(token), now);
  if (!found) return null;
  // last_used_at is informative: writing it at most once a minute keeps token reads cheap.
  const last = found.token.lastUsedAt?.getTime() ?? 0;
  if (now.getTime() - last > 60_000) await touchApiToken(ctx.db, found.token.id, now);
  const { user } = found;
  return { actor: { type: 'user', id: user.id, role: user.role, name: user.name, via: 'token' }, csrf: null };
}

function toApiToken(row: Awaited<ReturnType<typeof findApiTokens>>[number]) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    user_id: row.userId,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}

// A token acts as its user (the caller by default), with that user's role.
export async function createApiToken(ctx: CoreContext, actor: Actor | null, input: CreateTokenBody & { user_id: string }, ip?: string) {
  const user = await findUserById(ctx.db, input.user_id);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertApiToken(tx, {
      name: input.name,
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: hashToken(token),
      userId: user.id,
      createdBy: actor?.type === 'user' ? actor.id : null,
      createdAt: now,
      expiresAt: input.expires_in_days ? new Date(now.getTime() + input.expires_in_days * 86_400_000) : null,
    });
    await recordAudit(ctx, tx, actor, { action: 'token.created', targetType: 'api_token', targetId: row.id, details: { name: row.name, user_id: user.id }, ip });
    return { ...toApiToken(row), token };
  });
}

export async function listApiTokens(ctx: CoreContext) {
  return { items: (await findApiTokens(ctx.db)).map(toApiToken) };
}

export async function revokeApiToken(ctx: CoreContext, actor: Actor, id: string, ip?: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await findApiToken(tx, id);
    if (!row) throw new AppError('TOKEN_NOT_FOUND');
    if (!row.revokedAt) await revokeApiTokenRow(tx, id, ctx.clock.now());
    await recordAudit(ctx, tx, actor, { action: 'token.revoked', targetType: 'api_token', targetId: id, ip });
    return toApiToken((await findApiToken(tx, id))!);
  });
}

/** Ends every session of a user whose access was revoked (API tokens stay: they are managed on their own). */
export function subscribeSessionRevocation(ctx: CoreContext): void {
  ctx.events.on('user.credentials_revoked', async ({ userId }) => {
    const ended = await deleteUserSessions(ctx.db, userId);
    if (ended > 0) ctx.log.info({ userId, ended }, 'sessions ended');
  });
}
