import type { z } from 'zod';
import { CreateMailboxBody, UpdateMailboxBody, type Mailbox } from '@shared/modules/email/email.schema';

export type MailboxView = z.infer<typeof Mailbox>;
export type ProcessedAction = 'flag' | 'move';

export interface MailboxForm {
  name: string;
  host: string;
  port: number | string;
  secure: boolean;
  username: string;
  /** Empty on edit keeps the stored password. */
  password: string;
  folder: string;
  action: ProcessedAction;
  moveTo: string;
  enabled: boolean;
}

export const IMAPS_PORT = 993;
export const IMAP_PORT = 143;

export const EMPTY_MAILBOX_FORM: MailboxForm = {
  name: '',
  host: '',
  port: IMAPS_PORT,
  secure: true,
  username: '',
  password: '',
  folder: 'INBOX',
  action: 'flag',
  moveTo: 'Processed',
  enabled: true,
};

export function mailboxToForm(m: MailboxView): MailboxForm {
  return {
    name: m.name,
    host: m.host,
    port: m.port,
    secure: m.secure,
    username: m.username,
    password: '',
    folder: m.folder,
    action: m.move_to ? 'move' : 'flag',
    moveTo: m.move_to ?? 'Processed',
    enabled: m.enabled,
  };
}

/** Switching TLS moves the port along, unless the admin typed a non-standard one. */
export function toggleSecure(form: MailboxForm, secure: boolean): MailboxForm {
  const standard = form.port === IMAPS_PORT || form.port === IMAP_PORT || form.port === '';
  return { ...form, secure, port: standard ? (secure ? IMAPS_PORT : IMAP_PORT) : form.port };
}

function fields(form: MailboxForm) {
  return {
    name: form.name.trim(),
    host: form.host.trim(),
    port: typeof form.port === 'number' ? form.port : Number.NaN,
    secure: form.secure,
    username: form.username,
    folder: form.folder.trim(),
    move_to: form.action === 'move' ? form.moveTo.trim() : null,
    enabled: form.enabled,
  };
}

export type MailboxRequest = { ok: true; body: CreateMailboxBody | UpdateMailboxBody } | { ok: false; errors: Record<string, string> };

// zod's wording ("Too small: expected string to have >=1 characters") is for developers; say it plainly.
function friendly(field: string, value: unknown, message: string): string {
  if (field === 'port') return 'A port from 1 to 65535';
  if (value === '') return 'Required';
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function issuesByField(body: Record<string, unknown>, issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = String(i.path[0] ?? 'form');
    out[field] ??= friendly(field, body[field], i.message);
  }
  return formErrors(out);
}

/**
 * The request body for creating (all fields, password required) or editing (the password only
 * when one was typed), checked with the server's own schema so messages match the API's.
 */
export function mailboxRequest(form: MailboxForm, editing: boolean): MailboxRequest {
  const body = { ...fields(form), ...(form.password || !editing ? { password: form.password } : {}) };
  const parsed = editing ? UpdateMailboxBody.safeParse(body) : CreateMailboxBody.safeParse(body);
  if (!parsed.success) return { ok: false, errors: issuesByField(body, parsed.error.issues) };
  return { ok: true, body: parsed.data };
}

/** Server field names to form field names: `move_to` is typed in the "Target folder" input. */
export function formErrors(server: Record<string, string>): Record<string, string> {
  const { move_to, ...rest } = server;
  return move_to ? { ...rest, moveTo: move_to } : rest;
}
