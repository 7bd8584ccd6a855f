import { and, eq, isNull, like, lt, or } from 'drizzle-orm';
import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { countInWindow, windowCurrent } from '../../core/windowed-counter';
import { recordAudit, type AuditBy } from '../audit';
import { findUserById } from '../users';
import { loginThrottles } from './auth.table';

const WINDOW_MS = 15 * 60_000;
/** Failures on one account, from all addresses together, before its backoff starts. */
const ACCOUNT_FACTOR = 4;
const MAX_ACCOUNT_BACKOFF_MS = 60 * 60_000;

const keys = {
  address: (ip: string) => `ip:${ip}`,
  pair: (email: string, ip: string) => `pair:${email}|${ip}`,
  account: (email: string) => `account:${email}`,
};

type Row = typeof loginThrottles.$inferSelect;

/** Counts one more in the key's window (a new window when the last one is over), atomically across processes. */
async function bump(db: Db, key: string, now: Date): Promise<Row> {
  const [row] = await db
    .insert(loginThrottles)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({ target: loginThrottles.key, set: countInWindow(loginThrottles, now, WINDOW_MS) })
    .returning();
  return row!;
}

async function read(db: Db, key: string, now: Date): Promise<{ count: number; lockedUntil: Date | null }> {
  const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key));
  if (!row) return { count: 0, lockedUntil: null };
  const current = windowCurrent(row.windowStartedAt, now, WINDOW_MS);
  return { count: current ? row.count : 0, lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null };
}

function refuse(until: Date, now: Date, message: string): never {
  const retry = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  throw new AppError('RATE_LIMITED', `${message} Try again in ${retry} seconds.`, { retry_after_seconds: retry }, { 'retry-after': String(retry) });
}

/**
 * Login throttling that cannot be turned against the account owner. An address gets
 * CLARA_LOGIN_MAX_PER_IP attempts per 15 minutes; an address that fails CLARA_LOGIN_MAX_FAILURES
 * times on one account is locked out of that account for 15 minutes; when an account fails from
 * many addresses, those failing addresses wait longer and longer, but an address that has not
 * failed on it is never refused the right password. Lockouts are audited; admins can lift them.
 */
export class LoginThrottle {
  constructor(private readonly ctx: CoreContext) {}

  async beforeAttempt(ip: string, email: string): Promise<void> {
    const now = this.ctx.clock.now();
    const address = await bump(this.ctx.db, keys.address(ip), now);
    if (address.count > this.ctx.config.CLARA_LOGIN_MAX_PER_IP) {
      refuse(new Date(address.windowStartedAt.getTime() + WINDOW_MS), now, 'Too many login attempts from this address.');
    }
    const pair = await read(this.ctx.db, keys.pair(email, ip), now);
    if (pair.lockedUntil) refuse(pair.lockedUntil, now, 'Too many failed logins for this account from this address.');
    if (pair.count === 0) return;
    const account = await read(this.ctx.db, keys.account(email), now);
    if (account.lockedUntil) refuse(account.lockedUntil, now, 'Too many failed logins for this account.');
  }

  async onFailure(ip: string, email: string, userId: string | undefined): Promise<void> {
    const now = this.ctx.clock.now();
    const max = this.ctx.config.CLARA_LOGIN_MAX_FAILURES;
    const pair = await bump(this.ctx.db, keys.pair(email, ip), now);
    if (pair.count >= max) await this.lock(keys.pair(email, ip), new Date(now.getTime() + WINDOW_MS), { email, ip, scope: 'address', userId });
    const account = await bump(this.ctx.db, keys.account(email), now);
    const over = account.count - max * ACCOUNT_FACTOR;
    if (over >= 0) {
      const backoff = Math.min(MAX_ACCOUNT_BACKOFF_MS, 2 ** Math.min(over, 20) * 1000);
      await this.lock(keys.account(email), new Date(now.getTime() + backoff), { email, ip, scope: 'account', userId, first: over === 0 });
    }
  }

  async onSuccess(ip: string, email: string): Promise<void> {
    await this.ctx.db.delete(loginThrottles).where(eq(loginThrottles.key, keys.pair(email, ip)));
    // Now and then, forget windows that are over and locks that have run out, so the table stays small.
    if (Math.random() < 0.05) {
      const now = this.ctx.clock.now();
      await this.ctx.db
        .delete(loginThrottles)
        .where(and(lt(loginThrottles.windowStartedAt, new Date(now.getTime() - WINDOW_MS)), or(isNull(loginThrottles.lockedUntil), lt(loginThrottles.lockedUntil, now))));
    }
  }

  /** An admin lets the account log in again from everywhere (audited by the caller). */
  async unlock(exec: Db, email: string): Promise<number> {
    const rows = await exec
      .delete(loginThrottles)
      .where(or(eq(loginThrottles.key, keys.account(email)), like(loginThrottles.key, `pair:${email.replace(/[\\%_]/g, '\\$&')}|%`)))
      .returning({ key: loginThrottles.key });
    return rows.length;
  }

  private async lock(key: string, until: Date, who: { email: string; ip: string; scope: 'address' | 'account'; userId?: string; first?: boolean }) {
    await this.ctx.db.update(loginThrottles).set({ lockedUntil: until }).where(eq(loginThrottles.key, key));
    // One audit row per lockout: the address lock when it starts, the account backoff when it begins.
    if (who.scope === 'account' && !who.first) return;
    await recordAudit(this.ctx, this.ctx.db, null, {
      action: 'auth.login_locked',
      targetType: 'user',
      targetId: who.userId,
      details: { email: who.email, scope: who.scope, until: until.toISOString() },
      ip: who.ip,
    });
  }
}

/** Lifts every login lockout of a user: `POST /api/admin/users/:id/unlock-login`. */
export async function unlockLogin(ctx: CoreContext, throttle: LoginThrottle, by: AuditBy, userId: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  const cleared = await ctx.db.transaction(async (tx) => {
    const n = await throttle.unlock(tx, user.email);
    await recordAudit(ctx, tx, by.actor, { action: 'user.login_unlocked', targetType: 'user', targetId: user.id, details: { email: user.email, cleared: n }, ip: by.ip ?? undefined });
    return n;
  });
  return { cleared };
}
