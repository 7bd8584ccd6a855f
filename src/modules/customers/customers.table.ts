import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name'),
  vip: boolean('vip').notNull().default(false),
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  // A ticket search looks up the customers whose address starts with what was typed. The name, which a
  // search matches anywhere, has a trigram index where pg_trgm is available (drizzle/0017).
  index('customers_email_prefix_idx').on(sql`lower(${t.email}) text_pattern_ops`),
]);

export type CustomerRow = typeof customers.$inferSelect;
