import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { auditLog } from './audit.table';

export interface AuditInput {
  actorType: string;
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}

export async function insertAudit(exec: Db, entry: AuditInput, at: Date): Promise<void> {
  await exec.insert(auditLog).values({
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
    createdAt: at,
  });
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  before?: { createdAt: Date; id: string };
  limit: number;
}

export async function findAuditEntries(db: Db, f: AuditFilter) {
  const where: SQL[] = [];
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
  if (f.targetType) where.push(eq(auditLog.targetType, f.targetType));
  if (f.targetId) where.push(eq(auditLog.targetId, f.targetId));
  if (f.from) where.push(gte(auditLog.createdAt, f.from));
  if (f.to) where.push(lte(auditLog.createdAt, f.to));
  if (f.before) {
    const b = f.before;
    where.push(or(lt(auditLog.createdAt, b.createdAt), and(eq(auditLog.createdAt, b.createdAt), lt(auditLog.id, b.id)))!);
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(f.limit + 1);
}
