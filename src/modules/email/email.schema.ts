import { z } from 'zod';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'dead'] as const;
export const INBOUND_STATUSES = ['received', 'processed', 'ignored', 'failed'] as const;

export const OutboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const IdParams = z.object({ id: z.string().uuid() });

export const OutboxEmail = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  to: z.string(),
  subject: z.string(),
  message_id: z.string(),
  in_reply_to: z.string().nullable(),
  ticket_id: z.string().nullable(),
  attempts: z.number(),
  max_attempts: z.number(),
  next_attempt_at: z.string(),
  last_error: z.string().nullable(),
  sent_at: z.string().nullable(),
  bounced_at: z.string().nullable(),
  bounce: z.record(z.string(), z.unknown()).nullable(),
  created_at: z.string(),
});
export const OutboxList = z.object({ items: z.array(OutboxEmail) });

export const InboundQuery = z.object({
  status: z.enum(INBOUND_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const InboundEmail = z.object({
  id: z.string(),
  message_id: z.string(),
  source: z.string(),
  status: z.enum(INBOUND_STATUSES),
  from: z.string().nullable(),
  subject: z.string().nullable(),
  ticket_id: z.string().nullable(),
  outcome: z.string().nullable(),
  error: z.string().nullable(),
  received_at: z.string(),
  processed_at: z.string().nullable(),
});
export const InboundList = z.object({ items: z.array(InboundEmail) });

export const TemplateParams = z.object({ key: z.string().min(1).max(64) });
export const TemplateBody = z.object({
  subject: z.string().trim().min(1).max(500),
  text: z.string().min(1).max(100_000),
  html: z.string().max(200_000),
});
export type TemplateBody = z.infer<typeof TemplateBody>;
export const Template = TemplateBody.extend({ key: z.string(), customized: z.boolean() });
export const TemplateList = z.object({ items: z.array(Template) });

const host = z.string().trim().min(1).max(253).regex(/^[\w.-]+$/, 'a host name or IP address');
const folder = z.string().trim().min(1).max(200);

export const CreateMailboxBody = z.object({
  name: z.string().trim().min(1).max(100),
  host,
  port: z.number().int().min(1).max(65535),
  secure: z.boolean().default(true),
  username: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
  folder: folder.default('INBOX'),
  move_to: folder.nullable().optional(),
  enabled: z.boolean().default(true),
});
export type CreateMailboxBody = z.infer<typeof CreateMailboxBody>;

export const UpdateMailboxBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    host,
    port: z.number().int().min(1).max(65535),
    secure: z.boolean(),
    username: z.string().min(1).max(320),
    password: z.string().min(1).max(1000),
    folder,
    move_to: folder.nullable(),
    enabled: z.boolean(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'send at least one field');
export type UpdateMailboxBody = z.infer<typeof UpdateMailboxBody>;

export const Mailbox = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number(),
  secure: z.boolean(),
  username: z.string(),
  has_password: z.boolean(),
  folder: z.string(),
  move_to: z.string().nullable(),
  enabled: z.boolean(),
  last_polled_at: z.string().nullable(),
  last_error: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export const MailboxList = z.object({ items: z.array(Mailbox) });

export const MailStatus = z.object({
  /** False when CLARA_SMTP_URL is unset: mail is kept in the outbox and nothing is sent. */
  sending: z.boolean(),
  /** Emails not sent yet (waiting or being sent) and emails given up on. */
  waiting: z.number(),
  dead: z.number(),
  oldest_waiting_at: z.string().nullable(),
  /** Where the status links in customer emails point. */
  links_base_url: z.string(),
  warnings: z.array(z.string()),
});
export type MailStatus = z.infer<typeof MailStatus>;
