import { eq } from 'drizzle-orm';
import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Db } from './db';

// Admin-edited settings live here; secrets never do (they come from the environment).
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by'),
});

export async function getSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  return row?.value as T | undefined;
}

export async function setSetting(db: Db, key: string, value: unknown, updatedBy: string | null, at: Date): Promise<void> {
  await db
    .insert(settings)
    .values({ key, value, updatedBy, updatedAt: at })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: at } });
}
