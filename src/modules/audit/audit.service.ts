import { z } from 'zod';
import type { CoreContext } from '../../core/context';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import type { Db } from '../../core/db';
import type { Actor } from '../../core/rbac';
import { findAuditEntries, insertAudit } from './audit.queries';
import type { AuditQuery } from './audit.schema';

export interface AuditEvent {
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
}

// Called inside the same transaction as the admin change it records.
export async function recordAudit(ctx: Pick<CoreContext, 'clock'>, exec: Db, actor: Actor | null, event: AuditEvent) {
  await insertAudit(
    exec,
    { actorType: actor?.type ?? 'anonymous', actorId: actor && 'id' in actor ? actor.id : null, ...event },
    ctx.clock.now(),
  );
}

const AuditCursor = z.object({ t: z.string().datetime(), id: z.string().uuid() });

export async function listAudit(ctx: CoreContext, q: AuditQuery) {
  const before = q.cursor ? decodeCursor(q.cursor, AuditCursor) : undefined;
  const rows = await findAuditEntries(ctx.db, {
    action: q.action,
    actorId: q.actor_id,
    targetType: q.target_type,
    targetId: q.target_id,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    before: before ? { createdAt: new Date(before.t), id: before.id } : undefined,
    limit: q.limit,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      actor_type: r.actorType,
      actor_id: r.actorId,
      action: r.action,
      target_type: r.targetType,
      target_id: r.targetId,
      details: r.details,
      ip: r.ip,
      created_at: r.createdAt.toISOString(),
    })),
    next_cursor: rows.length > q.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
  };
}
