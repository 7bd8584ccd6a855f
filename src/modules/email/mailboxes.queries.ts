import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { mailboxes, type MailboxRow } from './email.table';

export async function listMailboxRows(db: Db, opts: { enabledOnly?: boolean } = {}): Promise<MailboxRow[]> {
  return db
    .select()
    .from(mailboxes)
    .where(opts.enabledOnly ? eq(mailboxes.enabled, true) : undefined)
    .orderBy(asc(mailboxes.name));
}

export async function findMailboxRow(db: Db, id: string): Promise<MailboxRow | null> {
  const [row] = await db.select().from(mailboxes).where(eq(mailboxes.id, id));
  return row ?? null;
}

export async function findMailboxByName(db: Db, name: string): Promise<MailboxRow | null> {
  const [row] = await db.select().from(mailboxes).where(eq(mailboxes.name, name));
  return row ?? null;
}

export async function insertMailbox(db: Db, values: typeof mailboxes.$inferInsert): Promise<MailboxRow> {
  const [row] = await db.insert(mailboxes).values(values).returning();
  return row!;
}

export async function updateMailboxRow(db: Db, id: string, values: Partial<typeof mailboxes.$inferInsert>): Promise<MailboxRow | null> {
  const [row] = await db.update(mailboxes).set(values).where(eq(mailboxes.id, id)).returning();
  return row ?? null;
}

export async function deleteMailboxRow(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(mailboxes).where(eq(mailboxes.id, id)).returning({ id: mailboxes.id });
  return rows.length > 0;
}
