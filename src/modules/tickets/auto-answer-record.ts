import type { TicketEvent } from './ticket-change';
import type { TicketRow } from './tickets.table';

/** What the ticket records about Clara's automatic answer (tickets.metadata.auto_answer). */
export interface AutoAnswerRecord {
  confidence: number;
  citations: { article_id: string; title: string; chunk_id: string }[];
  message_id: string;
  /** The customer wrote back or said it did not help: a failed auto-resolution. */
  failed_at?: string;
  /** The customer said it solved the problem. */
  confirmed_at?: string;
}

export function autoAnswerOf(row: Pick<TicketRow, 'metadata'>): AutoAnswerRecord | null {
  const record = row.metadata.auto_answer as AutoAnswerRecord | undefined;
  return row.metadata.auto_resolved === true && record && typeof record === 'object' ? record : null;
}

/** The auto-answer still stands: Clara resolved the ticket and the customer has not come back. */
export function autoAnswerStands(row: Pick<TicketRow, 'metadata' | 'status'>): boolean {
  const record = autoAnswerOf(row);
  return row.status === 'resolved' && record !== null && !record.failed_at;
}

/** Metadata and history for a customer coming back after Clara's answer: the auto-resolution failed. */
export function autoAnswerFailure(row: TicketRow, now: Date): { metadata: Record<string, unknown>; event: TicketEvent } | null {
  if (!autoAnswerStands(row)) return null;
  const record = autoAnswerOf(row)!;
  return {
    metadata: { auto_answer: { ...record, failed_at: now.toISOString(), confirmed_at: undefined } },
    event: { action: 'auto_answer_failed', newValue: { message_id: record.message_id }, comment: 'the customer came back after the automatic answer' },
  };
}
