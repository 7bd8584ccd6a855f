import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CoreContext } from '../../core/context';
import { decodeCursor, encodeCursor } from '../../core/cursor';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { auditDiff, type AuditRecord } from './audit-diff';
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

export interface AuditBy {
  actor: Actor;
  ip?: string | null;
}

/** Who made a request's write, for `auditChange` (routes behind the auth hook always have an actor). */
export function auditBy(req: FastifyRequest): AuditBy {
  if (!req.actor) throw new AppError('UNAUTHENTICATED');
  return { actor: req.actor, ip: req.ip };
}

/**
 * One admin write: who did what to which record, with the masked before/after diff
 * (`audit-diff.ts`). Call it inside the write's transaction, with `before` read in it.
 */
export async function auditChange(
  ctx: Pick<CoreContext, 'clock'>,
  tx: Db,
  by: AuditBy,
  e: { action: string; targetType: string; targetId: string; before?: AuditRecord | null; after?: AuditRecord | null; details?: Record<string, unknown> },
) {
  const diff = auditDiff(e.before ?? null, e.after ?? null);
  await recordAudit(ctx, tx, by.actor, {
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    details: { ...(e.details ?? {}), ...diff },
    ip: by.ip ?? null,
  });
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
