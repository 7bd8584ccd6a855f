import { openSecret, sealSecret } from '../../core/encryption';
import { AppError } from '../../core/errors';
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

export async function createMailbox(ctx: EmailContext, input: CreateMailboxBody) {
  const key = secretKey(ctx);
  await ensureNameFree(ctx, input.name);
  const now = ctx.clock.now();
  const row = await insertMailbox(ctx.db, {
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
  await ctx.email.mailboxesChanged();
  return toMailbox(row);
}

export async function updateMailbox(ctx: EmailContext, id: string, input: UpdateMailboxBody) {
  await getMailbox(ctx, id);
  if (input.name) await ensureNameFree(ctx, input.name, id);
  const { password, move_to, ...rest } = input;
  const row = await updateMailboxRow(ctx.db, id, {
    ...rest,
    ...(move_to !== undefined ? { moveTo: move_to } : {}),
    ...(password !== undefined ? { passwordEncrypted: sealSecret(password, secretKey(ctx)) } : {}),
    updatedAt: ctx.clock.now(),
  });
  await ctx.email.mailboxesChanged();
  return toMailbox(row!);
}

export async function deleteMailbox(ctx: EmailContext, id: string): Promise<void> {
  if (!(await deleteMailboxRow(ctx.db, id))) throw new AppError('NOT_FOUND', 'Mailbox not found.');
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
  await updateMailboxRow(ctx.db, id, { lastPolledAt: at, lastError: error });
}
