import type { Db } from '../../core/db';
import type { TicketMessageRow, TicketRow } from './tickets.table';

// The seam where the email channel plugs in: a public staff or automation message is handed over
// inside the transaction that wrote it, so its email is queued atomically with the message.
export interface TicketMailer {
  messageAdded(db: Db, ticket: TicketRow, message: TicketMessageRow): Promise<void>;
}

export const noTicketMailer: TicketMailer = { messageAdded: async () => undefined };
