import { DEFAULT_QUEUE } from '../queues';
import type { Category, Priority } from './ticket-fields';

export interface ClassificationInput {
  subject: string;
  description: string;
}

export interface TicketClassification {
  category: Category;
  priority: Priority;
  intent: string | null;
  /** The category is a guess: the ticket goes to the default queue for a person to sort, not to a queue that may be wrong. */
  uncertain?: boolean;
  /** Stored in ticket.metadata.classification (confidences, model version, reasons). */
  details?: Record<string, unknown>;
}

// The seam where the classifier plugs in: tickets only know this interface.
export interface TicketClassifier {
  classify(input: ClassificationInput): TicketClassification | Promise<TicketClassification>;
  /** The queue for final labels, given or predicted (admins edit the routing table). */
  route(labels: { category: Category; priority: Priority }): string | Promise<string>;
}

export const fallbackClassifier: TicketClassifier = {
  classify: () => ({ category: 'general', priority: 'normal', intent: null, details: { model: 'none' } }),
  route: () => 'General Support',
};

/** Tag of a ticket the classifier was unsure of; it sits in the default queue until a person sorts it. */
export const TRIAGE_TAG = 'needs-triage';

/**
 * Where a new ticket goes: the routing table's queue for its labels, or the default queue when
 * the category is the classifier's guess and it is unsure of it (a person sorts it there instead
 * of it waiting in a queue that may be wrong). Reads settings: call it outside a transaction.
 */
export async function intakeRoute(
  classifier: TicketClassifier,
  labels: { category: Category; priority: Priority },
  classification: TicketClassification | null,
  categoryGiven: boolean,
): Promise<{ queueName: string; triage: boolean }> {
  if (classification?.uncertain && !categoryGiven) return { queueName: DEFAULT_QUEUE, triage: true };
  return { queueName: await classifier.route(labels), triage: false };
}

export const intakeComment = (triage: boolean, queue: string) =>
  triage ? `classified automatically; unsure of the category, so sent to ${queue} for a person to sort` : 'classified automatically';
