import { and, eq } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { drafts, type DraftKind, type DraftRow } from './drafts.table';

const key = (userId: string, kind: DraftKind, targetId: string) => and(eq(drafts.userId, userId), eq(drafts.kind, kind), eq(drafts.targetId, targetId));

export async function findDraft(db: Db, userId: string, kind: DraftKind, targetId: string): Promise<DraftRow | null> {
  const [row] = await db.select().from(drafts).where(key(userId, kind, targetId));
  return row ?? null;
}

export async function upsertDraft(db: Db, row: DraftRow): Promise<DraftRow> {
  const [saved] = await db
    .insert(drafts)
    .values(row)
    .onConflictDoUpdate({ target: [drafts.userId, drafts.kind, drafts.targetId], set: { content: row.content, updatedAt: row.updatedAt } })
    .returning();
  return saved!;
}

export async function deleteDraftRow(db: Db, userId: string, kind: DraftKind, targetId: string): Promise<void> {
  await db.delete(drafts).where(key(userId, kind, targetId));
}
