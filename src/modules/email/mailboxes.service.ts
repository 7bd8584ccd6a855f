import { scrubSecrets } from '../../core/logger';
import { openSecret, sealSecret } from '../../core/encryption';
import { AppError } from '../../core/errors';
import { auditChange, type AuditBy } from '../audit';
import type { EmailContext } from './email.context';
import type { MailboxRow } from './email.table';
import type { ImapSettings } from './imap-poller';
import { deleteMailboxRow, findMailboxByName, findMailboxRow, insertMailbox, listMailboxRows, updateMailboxRow } from './mailboxes.queries';
import type { CreateMailboxBody, UpdateMailboxBody } from './email.schema';

function secretKey(ctx: EmailContext): string {
  const key = ctx.config.CLARA_SECRET_KEY;
  if (!key) throw new AppError('UNAVAILABLE', 'Set CLARA_SECRET_KEY (32 random bytes, hex or base64) to store mailbox passwords.');
  return key;
}

// The password never leaves the server: responses only say that one is set.
function toMailbox(row: MailboxRow) {
  return {
    id: row.id,
    name: row.name,
    host: row.host,
    port: row.port,
    secure: row.secure,
    username: row.username,
    has_password: row.passwordEncrypted.length > 0,
    folder: row.folder,
    move_to: row.moveTo,
    enabled: row.enabled,
    last_polled_at: row.lastPolledAt?.toISOString() ?? null,
    last_error: row.lastError,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

// The audit log sees the sealed password only as "[masked]" (audit-diff.ts): a new password shows as a change.
const audited = (row: MailboxRow) => {
  const { last_polled_at: _polled, last_error: _error, created_at: _created, updated_at: _updated, ...rest } = toMailbox(row);
  return { ...rest, password: row.passwordEncrypted };
};

async function ensureNameFree(ctx: EmailContext, name: string, id?: string) {
  const other = await findMailboxByName(ctx.db, name);
  if (other && other.id !== id) throw new AppError('CONFLICT', `A mailbox named "${name}" already exists.`);
}

export async function listMailboxes(ctx: EmailContext) {
  return { items: (await listMailboxRows(ctx.db)).map(toMailbox) };
}

export async function getMailbox(ctx: EmailContext, id: string) {
  const row = await findMailboxRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Mailbox not found.');
  return toMailbox(row);
}

export async function createMailbox(ctx: EmailContext, by: AuditBy, input: CreateMailboxBody) {
  const key = secretKey(ctx);
  await ensureNameFree(ctx, input.name);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertMailbox(tx, {
      name: input.name,
      host: input.host,
      port: input.port,
      secure: input.secure,
      username: input.username,
      passwordEncrypted: sealSecret(input.password, key),
      folder: input.folder,
      moveTo: input.move_to ?? null,
      enabled: input.enabled,
      createdAt: now,
      updatedAt: now,
    });
    await auditChange(ctx, tx, by, { action: 'mailbox.created', targetType: 'mailbox', targetId: created.id, after: audited(created) });
    return created;
  });
  await ctx.email.mailboxesChanged();
  return toMailbox(row);
}

export async function updateMailbox(ctx: EmailContext, by: AuditBy, id: string, input: UpdateMailboxBody) {
  const before = await findMailboxRow(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', 'Mailbox not found.');
  if (input.name) await ensureNameFree(ctx, input.name, id);
  const { password, move_to, ...rest } = input;
  const sealed = password !== undefined ? sealSecret(password, secretKey(ctx)) : undefined;
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateMailboxRow(tx, id, {
      ...rest,
      ...(move_to !== undefined ? { moveTo: move_to } : {}),
      ...(sealed !== undefined ? { passwordEncrypted: sealed } : {}),
      updatedAt: ctx.clock.now(),
    });
    await auditChange(ctx, tx, by, { action: 'mailbox.updated', targetType: 'mailbox', targetId: id, before: audited(before), after: audited(updated!) });
    return updated!;
  });
  await ctx.email.mailboxesChanged();
  return toMailbox(row);
}

export async function deleteMailbox(ctx: EmailContext, by: AuditBy, id: string): Promise<void> {
  const before = await findMailboxRow(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', 'Mailbox not found.');
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteMailboxRow(tx, id))) throw new AppError('NOT_FOUND', 'Mailbox not found.');
    await auditChange(ctx, tx, by, { action: 'mailbox.deleted', targetType: 'mailbox', targetId: id, before: audited(before) });
  });
  await ctx.email.mailboxesChanged();
}

/** Connection settings of every enabled mailbox, passwords unsealed, for the pollers. */
export async function enabledMailboxSettings(ctx: Pick<EmailContext, 'db' | 'config'>): Promise<(ImapSettings & { id: string })[]> {
  const key = ctx.config.CLARA_SECRET_KEY;
  if (!key) return [];
  return (await listMailboxRows(ctx.db, { enabledOnly: true })).map((m) => ({
    id: m.id,
    host: m.host,
    port: m.port,
    secure: m.secure,
    user: m.username,
    pass: openSecret(m.passwordEncrypted, key),
    folder: m.folder,
    moveTo: m.moveTo,
    source: `mailbox:${m.id}`,
  }));
}

export async function recordMailboxPoll(ctx: Pick<EmailContext, 'db'>, id: string, at: Date | null, error: string | null) {
  await updateMailboxRow(ctx.db, id, { lastPolledAt: at, lastError: error === null ? null : scrubSecrets(error) });
}
