import type { Category, Priority } from './ticket-fields';

export interface ClassificationInput {
  subject: string;
  description: string;
}

export interface TicketClassification {
  category: Category;
  priority: Priority;
  intent: string | null;
  /** Queue chosen by routing; must name an existing queue, else General Support is used. */
  queueName: string;
  /** Stored in ticket.metadata.classification (confidences, model version, reasons). */
  details?: Record<string, unknown>;
}

// The seam where the classifier plugs in: tickets only know this interface.
export interface TicketClassifier {
  classify(input: ClassificationInput): TicketClassification | Promise<TicketClassification>;
}

export const fallbackClassifier: TicketClassifier = {
  classify: () => ({ category: 'general', priority: 'normal', intent: null, queueName: 'General Support', details: { model: 'none' } }),
};
