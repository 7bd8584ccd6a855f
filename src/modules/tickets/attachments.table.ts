import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table';
import { ticketMessages, tickets } from './tickets.table';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** Where a file came from: an inbound email, the customer's web form or status page, or a member of staff. */
export type AttachmentOrigin = 'email' | 'customer' | 'staff';

// Files on ticket messages. A web upload is stored first with no ticket (so the form can show it
// before sending) and joins its message in the message's transaction; one left unsent is deleted
// after a day (attachments.purge_upload).
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'cascade' }),
    ticketMessageId: uuid('ticket_message_id').references(() => ticketMessages.id, { onDelete: 'cascade' }),
    // The inbound email the file came with (provenance; the email module owns that table).
    inboundEmailId: uuid('inbound_email_id'),
    origin: text('origin').$type<AttachmentOrigin>().notNull().default('email'),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    declaredContentType: text('declared_content_type'),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('attachments_ticket_idx').on(t.ticketId), index('attachments_message_idx').on(t.ticketMessageId)],
);

export type AttachmentRow = typeof attachments.$inferSelect;
