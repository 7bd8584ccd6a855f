import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db';
import type { Role } from '../../core/rbac';
import { users, type UserRow } from './users.table';

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return row ?? null;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

export async function updateUserRow(db: Db, id: string, values: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  return row!;
}

export async function findUsers(db: Db, f: { role?: Role; active?: boolean; q?: string }): Promise<UserRow[]> {
  const where: SQL[] = [];
  if (f.role) where.push(eq(users.role, f.role));
  if (f.active !== undefined) where.push(eq(users.active, f.active));
  if (f.q) where.push(or(ilike(users.name, `%${f.q}%`), ilike(users.email, `%${f.q}%`))!);
  return db.select().from(users).where(and(...where)).orderBy(asc(users.name)).limit(1000);
}

// Locks the active admin rows, so two transactions demoting different admins cannot both see "another one is left".
export async function countActiveAdmins(db: Db): Promise<number> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.id))
    .for('update');
  return rows.length;
}

export async function deleteUserRow(db: Db, id: string): Promise<void> {
  await db.delete(users).where(eq(users.id, id));
}
