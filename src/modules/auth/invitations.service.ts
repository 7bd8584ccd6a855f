import { and, eq, gt, isNull } from 'drizzle-orm';
import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { hashToken, randomToken } from '../../core/secrets';
import { recordAudit } from '../audit';
import { enqueueNotificationEmail } from '../email';
import { findUserById, hashPassword, users } from '../users';
import type { AcceptInvitationBody } from './auth.schema';
import { userInvitations } from './auth.table';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

async function findValidInvitation(tx: Db, token: string, now: Date, lock = false) {
  const query = tx
    .select({ id: userInvitations.id, expiresAt: userInvitations.expiresAt, user: users })
    .from(userInvitations)
    .innerJoin(users, eq(users.id, userInvitations.userId))
    .where(and(eq(userInvitations.tokenHash, hashToken(token)), isNull(userInvitations.usedAt), gt(userInvitations.expiresAt, now), eq(users.active, true)));
  const [row] = await (lock ? query.for('update', { of: userInvitations }) : query);
  if (!row) throw new AppError('INVITATION_NOT_FOUND');
  return row;
}

/**
 * A one-time link for the user to set their own password, emailed through the outbox. A new
 * invitation voids the user's earlier ones. `origin` builds the link when CLARA_PUBLIC_URL is unset.
 */
export async function inviteUser(ctx: CoreContext, actor: Actor, userId: string, origin: string, ip?: string) {
  const now = ctx.clock.now();
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const url = new URL(`/invite/${token}`, ctx.config.CLARA_PUBLIC_URL ?? origin).toString();
  await ctx.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (!user.active) throw new AppError('CONFLICT', 'This user is deactivated: reactivate them before inviting.');
    await tx.update(userInvitations).set({ usedAt: now }).where(and(eq(userInvitations.userId, userId), isNull(userInvitations.usedAt)));
    const [invitation] = await tx
      .insert(userInvitations)
      .values({ tokenHash: hashToken(token), userId, createdBy: actor.type === 'user' ? actor.id : null, createdAt: now, expiresAt })
      .returning({ id: userInvitations.id });
    const inviter = actor.type === 'user' ? actor.name : 'An admin';
    await enqueueNotificationEmail(ctx, tx, {
      to: user.email,
      subject: `${inviter} invited you to Clara`,
      body: `Hello ${user.name},\n\n${inviter} invited you to the team's helpdesk.\nSet your password here (the link works once, for 7 days):\n${url}\n\nYour login is ${user.email}.`,
      dedupeKey: `invitation:${invitation!.id}`,
    });
    await recordAudit(ctx, tx, actor, { action: 'user.invited', targetType: 'user', targetId: userId, details: { email: user.email }, ip });
  });
  return { invite_url: url, expires_at: expiresAt.toISOString(), emailed: Boolean(ctx.config.CLARA_SMTP_URL) };
}

/** Who an invitation link is for, so the page can greet them; 404 when used, expired or unknown. */
export async function getInvitation(ctx: CoreContext, token: string) {
  const row = await findValidInvitation(ctx.db, token, ctx.clock.now());
  return { email: row.user.email, name: row.user.name, expires_at: row.expiresAt.toISOString() };
}

/** Sets the password once; the link is spent in the same transaction. */
export async function acceptInvitation(ctx: CoreContext, input: AcceptInvitationBody, ip?: string) {
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const accepted = await ctx.db.transaction(async (tx) => {
    const row = await findValidInvitation(tx, input.token, now, true);
    await tx.update(userInvitations).set({ usedAt: now }).where(eq(userInvitations.id, row.id));
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, row.user.id));
    const actor: Actor = { type: 'user', id: row.user.id, role: row.user.role, name: row.user.name, via: 'session' };
    await recordAudit(ctx, tx, actor, { action: 'user.invitation_accepted', targetType: 'user', targetId: row.user.id, ip });
    return { userId: row.user.id, email: row.user.email };
  });
  // A new password ends every session that exists: one opened with the old password may not be the owner's.
  await ctx.events.emit('user.credentials_revoked', { userId: accepted.userId });
  return { email: accepted.email };
}
