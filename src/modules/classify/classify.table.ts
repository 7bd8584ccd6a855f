import { boolean, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Retrained models live in the database so every Clara process can load the active one.
export const classifierModels = pgTable('classifier_models', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: text('version').notNull(),
  artifact: text('artifact').notNull(),
  meta: jsonb('meta').$type<Record<string, unknown>>().notNull().default({}),
  active: boolean('active').notNull().default(false),
  promoted: boolean('promoted').notNull().default(false),
  decision: text('decision'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
