import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { Actor } from '../../core/rbac';
import { generatePassword } from '../../core/secrets';
import { recordAudit } from '../audit';
import { hashPassword } from './passwords';
import { countActiveAdmins, findUserByEmail, findUserById, findUsers, insertUser, updateUserRow } from './users.queries';
import type { CreateUserBody, ListUsersQuery, UpdateUserBody, User } from './users.schema';
import type { UserRow } from './users.table';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    active: row.active,
    timezone: row.timezone,
    working_hours: row.workingHours,
    last_login_at: row.lastLoginAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}

export async function createUser(ctx: CoreContext, actor: Actor, input: CreateUserBody, ip?: string) {
  if (input.invite && input.password) {
    throw new AppError('VALIDATION_FAILED', 'Send a password or invite, not both.', [{ field: 'body.invite', message: 'an invited user sets their own password' }]);
  }
  // Invited users have no password until they accept; everyone else gets theirs or a generated one.
  const generated = input.password || input.invite ? undefined : generatePassword();
  const initial = input.password ?? generated;
  const passwordHash = initial ? await hashPassword(initial) : null;
  return ctx.db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) throw new AppError('EMAIL_TAKEN');
    const row = await insertUser(tx, {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash,
      timezone: input.timezone ?? 'UTC',
      ...(input.working_hours && { workingHours: input.working_hours }),
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(ctx, tx, actor, {
      action: 'user.created',
      targetType: 'user',
      targetId: row.id,
      details: { email: row.email, role: row.role },
      ip,
    });
    return { ...toUser(row), ...(generated ? { generated_password: generated } : {}) };
  });
}

export async function listUsers(ctx: CoreContext, q: ListUsersQuery) {
  const rows = await findUsers(ctx.db, q);
  return { items: rows.map(toUser) };
}

export async function getUser(ctx: CoreContext, id: string) {
  const row = await findUserById(ctx.db, id);
  if (!row) throw new AppError('USER_NOT_FOUND');
  return toUser(row);
}

// Users are never deleted: deactivating keeps their history; the auth hook refuses inactive users.
export async function updateUser(ctx: CoreContext, actor: Actor, id: string, input: UpdateUserBody, ip?: string) {
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const user = await ctx.db.transaction(async (tx) => {
    const before = await findUserById(tx, id);
    if (!before) throw new AppError('USER_NOT_FOUND');
    const losesAdmin = before.role === 'admin' && before.active && (input.active === false || (input.role && input.role !== 'admin'));
    if (losesAdmin && (await countActiveAdmins(tx)) <= 1) {
      throw new AppError('CONFLICT', 'Clara needs at least one active admin.');
    }
    const row = await updateUserRow(tx, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.role !== undefined && { role: input.role }),
      ...(input.active !== undefined && { active: input.active }),
      ...(input.timezone !== undefined && { timezone: input.timezone }),
      ...(input.working_hours !== undefined && { workingHours: input.working_hours }),
      ...(passwordHash && { passwordHash }),
      updatedAt: ctx.clock.now(),
    });
    const changes: Record<string, unknown> = {};
    if (input.role !== undefined && input.role !== before.role) changes.role = { old: before.role, new: input.role };
    if (input.active !== undefined && input.active !== before.active) changes.active = { old: before.active, new: input.active };
    if (input.name !== undefined && input.name !== before.name) changes.name = { old: before.name, new: input.name };
    if (input.timezone !== undefined) changes.timezone = { old: before.timezone, new: input.timezone };
    if (input.working_hours !== undefined) changes.working_hours = { old: before.workingHours, new: input.working_hours };
    if (passwordHash) changes.password = 'changed';
    const action = input.active === false ? 'user.deactivated' : input.role && input.role !== before.role ? 'user.role_changed' : 'user.updated';
    await recordAudit(ctx, tx, actor, { action, targetType: 'user', targetId: id, details: changes, ip });
    return toUser(row);
  });
  // Reactivating someone must not bring back sessions from before; a reset password ends them too.
  if (input.active === false || passwordHash) await ctx.events.emit('user.credentials_revoked', { userId: id });
  return user;
}
