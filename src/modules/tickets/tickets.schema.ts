import { z } from 'zod';
import { labelText } from '../../core/text';
import { AUTHOR_TYPES, CATEGORIES, CHANNELS, PRIORITIES, SLA_STATES, STATUSES, UNRESOLVED_STATUSES, type Status } from './ticket-fields';

const Tag = z.string().trim().min(1).max(50).regex(/^[\w .:/-]+$/u, 'letters, digits, space and . : / - _ only');
const Tags = z.array(Tag).max(20);
const Email = z.string().trim().toLowerCase().email().max(254);
const Subject = labelText(5, 200);
const Description = z.string().trim().min(10).max(20_000);

export const CreateTicketBody = z
  .object({
    subject: Subject,
    description: Description,
    channel: z.enum(CHANNELS),
    customer_id: z.string().uuid().optional(),
    customer: z.object({ email: Email, name: labelText(1, 120).optional() }).optional(),
    category: z.enum(CATEGORIES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    intent: z.string().trim().min(1).max(100).optional(),
    queue_id: z.string().uuid().optional(),
    tags: Tags.optional(),
    transcript: z.string().max(100_000).optional(),
    /** Your own data about the ticket, stored as `metadata.custom`. */
    metadata: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((b) => (b.customer_id === undefined) !== (b.customer === undefined), {
    message: 'send either customer_id or customer {email, name?}',
    path: ['customer'],
  });
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;

export const UpdateTicketBody = z
  .object({
    subject: Subject,
    status: z.enum(STATUSES),
    priority: z.enum(PRIORITIES),
    category: z.enum(CATEGORIES),
    intent: z.string().trim().min(1).max(100),
    assignee_id: z.string().uuid().nullable(),
    queue_id: z.string().uuid(),
    tags: Tags,
    comment: z.string().trim().max(2000),
  })
  .partial()
  .refine((b) => Object.keys(b).some((k) => k !== 'comment'), 'send at least one field to change');
export type UpdateTicketBody = z.infer<typeof UpdateTicketBody>;

// The due-date sorts run soonest first, tickets without a deadline last.
export const TICKET_SORTS = [
  '-created_at',
  'created_at',
  '-updated_at',
  'updated_at',
  '-number',
  'number',
  'priority',
  'first_response_due_at',
  'resolution_due_at',
  'next_breach',
] as const;

/**
 * One status, several ("open,pending" or the parameter repeated), or "unresolved" for
 * open + pending + escalated.
 */
const StatusFilter = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.enum([...STATUSES, 'unresolved'])).min(1, 'name at least one status').max(STATUSES.length + 1))
  .transform((list): Status[] => [...new Set(list.flatMap((s) => (s === 'unresolved' ? [...UNRESOLVED_STATUSES] : [s])))]);

export const ListTicketsQuery = z.object({
  status: StatusFilter.optional(),
  /** Only unresolved tickets whose next deadline (first response or resolution) falls within this many minutes, or has passed. */
  breach_within: z.coerce.number().int().min(0).max(60 * 24 * 30).optional(),
  priority: z.enum(PRIORITIES).optional(),
  category: z.enum(CATEGORIES).optional(),
  channel: z.enum(CHANNELS).optional(),
  queue_id: z.string().uuid().optional(),
  assignee_id: z.union([z.string().uuid(), z.literal('none'), z.literal('me')]).optional(),
  customer_id: z.string().uuid().optional(),
  tag: Tag.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(TICKET_SORTS).default('-created_at'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
});
export type ListTicketsQuery = z.infer<typeof ListTicketsQuery>;

export const TicketRef = z.object({ id: z.string().regex(/^(\d{1,9}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, 'a ticket id (uuid) or number') });

export const Ticket = z.object({
  id: z.string(),
  number: z.number(),
  subject: z.string(),
  description: z.string(),
  channel: z.enum(CHANNELS),
  status: z.enum(STATUSES),
  category: z.enum(CATEGORIES),
  priority: z.enum(PRIORITIES),
  intent: z.string().nullable(),
  tags: z.array(z.string()),
  transcript: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  customer: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  queue: z.object({ id: z.string(), name: z.string() }),
  sla: z.object({
    first_response_due_at: z.string().nullable(),
    resolution_due_at: z.string().nullable(),
    first_responded_at: z.string().nullable(),
    state: z.enum(SLA_STATES),
    /** The clock stands still while the ticket waits on the customer (`pending`). */
    paused: z.boolean(),
    /** The next deadline still running (first response or resolution); null once resolved or while paused. */
    next_breach_at: z.string().nullable(),
  }),
  created_at: z.string(),
  updated_at: z.string(),
  resolved_at: z.string().nullable(),
  closed_at: z.string().nullable(),
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketList = z.object({
  items: z.array(Ticket),
  next_cursor: z.string().nullable(),
  total: z.number(),
  /** A search counts its matches up to SEARCH_COUNT_LIMIT: true when there are more than `total`. */
  total_capped: z.boolean(),
});
export const SEARCH_COUNT_LIMIT = 1000;

export const TicketAttachment = z.object({
  id: z.string(),
  message_id: z.string().nullable(),
  filename: z.string(),
  content_type: z.string(),
  size: z.number(),
  created_at: z.string(),
});
export const TicketAttachmentList = z.object({ items: z.array(TicketAttachment) });
export const AttachmentParams = z.object({ id: z.string().uuid() });
export const PublicAttachmentParams = z.object({ token: z.string().min(20).max(100), id: z.string().uuid() });

export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
/** What web uploads accept (the file picker's hint; the server decides by the bytes): media, documents, archives, text. */
export const UPLOAD_ACCEPT = 'image/*,video/*,audio/*,.pdf,.zip,.gz,.7z,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.rtf,.msg,.txt,.log,.md,.json,.xml,.yaml,.yml,.ini,.conf,.csv,.ics,.eml';
/** Files uploaded first (POST /api/uploads or /api/public/uploads), sent with the message. */
const AttachmentIds = z.array(z.string().uuid()).max(MAX_ATTACHMENTS_PER_MESSAGE, `At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message.`).optional();

export const CreateMessageBody = z.object({
  body: z.string().trim().min(1).max(50_000),
  internal: z.boolean().default(false),
  attachment_ids: AttachmentIds,
});
export type CreateMessageBody = z.infer<typeof CreateMessageBody>;

export const Message = z.object({
  id: z.string(),
  ticket_id: z.string(),
  author_type: z.enum(AUTHOR_TYPES),
  author: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  channel: z.enum(CHANNELS),
  body: z.string(),
  internal: z.boolean(),
  created_at: z.string(),
});
export const MessageList = z.object({ items: z.array(Message) });

export const HistoryEntry = z.object({
  id: z.number(),
  actor_type: z.string(),
  actor_id: z.string().nullable(),
  action: z.string(),
  old_value: z.unknown(),
  new_value: z.unknown(),
  comment: z.string().nullable(),
  created_at: z.string(),
});
export const HistoryList = z.object({ items: z.array(HistoryEntry) });

export const PublicCreateTicketBody = z.object({
  subject: Subject,
  description: Description,
  email: Email,
  name: labelText(1, 120).optional(),
  channel: z.enum(['web', 'chat']).default('web'),
  attachment_ids: AttachmentIds,
});
export type PublicCreateTicketBody = z.infer<typeof PublicCreateTicketBody>;

export const PublicCreated = z.object({ number: z.number(), token: z.string(), status: z.enum(STATUSES), status_url: z.string() });
export const PublicTokenParams = z.object({ token: z.string().min(20).max(100) });
export const PublicReplyBody = z.object({ body: z.string().trim().min(1).max(20_000), attachment_ids: AttachmentIds });
export type PublicReplyBody = z.infer<typeof PublicReplyBody>;
export const AUTO_ANSWER_STATES = ['awaiting_feedback', 'helped', 'did_not_help'] as const;

export const PublicTicket = z.object({
  number: z.number(),
  subject: z.string(),
  status: z.enum(STATUSES),
  created_at: z.string(),
  updated_at: z.string(),
  messages: z.array(
    z.object({
      author_type: z.enum(AUTHOR_TYPES),
      /** "Clara" for automatic answers, the customer's name on their own messages; null for staff, who stay anonymous. */
      author_name: z.string().nullable(),
      body: z.string(),
      created_at: z.string(),
      /** An automatic answer: the articles it came from, for links to them. */
      sources: z.array(z.object({ article_id: z.string(), title: z.string() })).optional(),
      /** Files on the message, downloaded from /api/public/tickets/:token/attachments/:id. */
      attachments: z.array(z.object({ id: z.string(), filename: z.string(), content_type: z.string(), size: z.number() })),
    }),
  ),
  /** Clara resolved the ticket by itself: whether the customer has said if that helped. */
  auto_answer: z.object({ state: z.enum(AUTO_ANSWER_STATES) }).nullable(),
  /** Clara is still reading the new request (its rules and automatic answer run within seconds): look again soon. */
  answering: z.boolean(),
});

export const PublicFeedbackBody = z.object({
  helped: z.boolean(),
  /** What is still wrong, in the customer's words (for "did not help"). */
  comment: z.string().trim().max(20_000).optional(),
});
export type PublicFeedbackBody = z.infer<typeof PublicFeedbackBody>;
export type PublicTicket = z.infer<typeof PublicTicket>;
