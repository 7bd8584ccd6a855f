import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users';

export const DRAFT_KINDS = ['ticket', 'article'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

// Text a user is still typing, kept on the server so a reload, another device or a logout loses
// nothing: one draft per user and target (a ticket's reply or note, an article being written).
export const drafts = pgTable(
  'drafts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<DraftKind>().notNull(),
    /** The ticket's id, the article's id, or "new" for an article not created yet. */
    targetId: text('target_id').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind, t.targetId] })],
);

export type DraftRow = typeof drafts.$inferSelect;
