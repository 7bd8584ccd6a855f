import type { Category, Priority } from './ticket-fields';

export interface ClassificationInput {
  subject: string;
  description: string;
}

export interface TicketClassification {
  category: Category;
  priority: Priority;
  intent: string | null;
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
