import type { Db } from '../../core/db';
import type { Priority, Status } from './ticket-fields';
import type { TicketRow } from './tickets.table';

export interface SlaClock {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionWarnAt: Date | null;
  slaNextCheckAt: Date | null;
}

// The seam where the SLA engine (business-hours calendars, pause, breach job) plugs in; tickets
// only know this interface. Every method runs inside the caller's transaction.
export interface TicketSlaEngine {
  /** Deadlines of a new ticket whose clock starts now. */
  start(db: Db, priority: Priority, now: Date): Promise<SlaClock>;
  /** New deadlines after a priority change, counted from creation minus the time spent paused. */
  recompute(db: Db, ticket: TicketRow, now: Date): Promise<Partial<TicketRow>>;
  /** Pause on `pending`, resume when it leaves `pending`, re-arm on reopen. */
  statusChanged(db: Db, ticket: TicketRow, to: Status, now: Date): Promise<Partial<TicketRow>>;
}
