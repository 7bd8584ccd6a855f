import type { Db } from '../../core/db';
import type { Actor } from '../../core/rbac';
import type { SentMessage, TicketRow } from './tickets.table';

// The seam where the email channel plugs in: the customer's mail about a ticket is handed over
// inside the transaction that made the change, so it is queued atomically with it.
export interface TicketMailer {
  /** Whether a ticket created by `by` gets an acknowledgment at all (staff-created tickets do not). */
  acknowledges(by: Actor['type']): boolean;
  /** A new ticket (the acknowledgment). `by`: who created it. */
  ticketCreated(db: Db, ticket: TicketRow, by: Actor['type']): Promise<void>;
  /** A public staff or automation message (the reply); it may have been sent to the database just before. */
  messageAdded(db: Db, ticket: TicketRow, message: SentMessage): Promise<void>;
  /** Staff resolved the ticket (the resolution notice). */
  ticketResolved(db: Db, ticket: TicketRow): Promise<void>;
}

export const noTicketMailer: TicketMailer = {
  acknowledges: () => false,
  ticketCreated: async () => undefined,
  messageAdded: async () => undefined,
  ticketResolved: async () => undefined,
};
