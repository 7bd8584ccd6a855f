import { and, desc, eq, gt, isNull, or, type Placeholder } from 'drizzle-orm';
import { compiledSelect } from '../../core/compiled-select';
import type { Db } from '../../core/db';
import { users } from '../users';
import { apiTokens, sessions } from './auth.table';

export async function insertSession(db: Db, values: typeof sessions.$inferInsert) {
  const [row] = await db.insert(sessions).values(values).returning();
  return row!;
}

// Who a request acts as: the user's id, role and name, never their password hash or preferences.
const actingUser = { id: users.id, role: users.role, name: users.name };

// Every request asks who its session or token belongs to: both selects are built once (`compiledSelect`).
const activeSession = compiledSelect((b, param: (name: 'hash' | 'now') => Placeholder) =>
  b
    .select({ session: { csrfToken: sessions.csrfToken }, user: actingUser })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, param('hash')), gt(sessions.expiresAt, param('now')), eq(users.active, true))),
);

export async function findActiveSession(db: Db, tokenHash: string, now: Date) {
  const [row] = await activeSession(db, { hash: tokenHash, now });
  return row ?? null;
}

export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id });
  return rows.length;
}

export async function deleteSession(db: Db, tokenHash: string) {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function insertApiToken(db: Db, values: typeof apiTokens.$inferInsert) {
  const [row] = await db.insert(apiTokens).values(values).returning();
  return row!;
}

const activeApiToken = compiledSelect((b, param: (name: 'hash' | 'now') => Placeholder) =>
  b
    .select({ token: { id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt }, user: actingUser })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, param('hash')),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, param('now'))),
        eq(users.active, true),
      ),
    ),
);

export async function findActiveApiToken(db: Db, tokenHash: string, now: Date) {
  const [row] = await activeApiToken(db, { hash: tokenHash, now });
  return row ?? null;
}

export async function touchApiToken(db: Db, id: string, now: Date) {
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id));
}

export async function findApiTokens(db: Db) {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt)).limit(500);
}

export async function findApiToken(db: Db, id: string) {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row ?? null;
}

export async function revokeApiTokenRow(db: Db, id: string, now: Date) {
  await db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id));
}
