import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { recordAudit, type AuditBy } from '../audit';
import { deleteUserRow, findUserById } from './users.queries';
import { updateUser } from './users.service';

function isForeignKeyViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23503') return true;
  }
  return false;
}

/**
 * Removes an account nothing refers to any more (made-up demo staff once the demo's tickets are
 * gone). One that did real work — a reply, an assignment, a login — is deactivated instead, so
 * its history stays readable.
 */
export async function removeUnusedUser(ctx: CoreContext, by: AuditBy, id: string): Promise<'deleted' | 'deactivated' | 'unchanged'> {
  try {
    const deleted = await ctx.db.transaction(async (tx) => {
      const before = await findUserById(tx, id);
      if (!before) return false;
      await deleteUserRow(tx, id);
      await recordAudit(ctx, tx, by.actor, { action: 'user.deleted', targetType: 'user', targetId: id, details: { email: before.email, role: before.role }, ip: by.ip ?? undefined });
      return true;
    });
    return deleted ? 'deleted' : 'unchanged';
  } catch (err) {
    if (!isForeignKeyViolation(err)) throw err;
    const user = await findUserById(ctx.db, id);
    if (!user) throw new AppError('USER_NOT_FOUND');
    if (!user.active) return 'unchanged';
    await updateUser(ctx, by.actor, id, { active: false }, by.ip ?? undefined);
    return 'deactivated';
  }
}
