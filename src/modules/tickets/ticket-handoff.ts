import type { TicketRow } from './tickets.table';

// The listeners of one event run one after another on the same payload. One that read the ticket's row and
// left the ticket as it found it hands the row on, and the next listener that needs the row takes it, so a
// new ticket's follow-up (the rules, then the automatic answer) reads the ticket once. A listener that
// changed the ticket hands nothing on, and the next one reads it again; a listener that changes the ticket
// without reading the row first must take it too, to drop it. The row lives no longer than the payload.
const handed = new WeakMap<object, TicketRow>();

export function handOnTicketRow(payload: object, row: TicketRow): void {
  handed.set(payload, row);
}

export function takeHandedTicketRow(payload: object, ticketId: string): TicketRow | undefined {
  const row = handed.get(payload);
  handed.delete(payload);
  return row?.id === ticketId ? row : undefined;
}
