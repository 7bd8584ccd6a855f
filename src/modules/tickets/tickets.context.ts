import type { CoreContext } from '../../core/context';
import type { TicketClassifier } from './ticket-classification';
import type { TicketMailer } from './ticket-mail';
import type { TicketSlaEngine } from './ticket-sla';

export interface TicketsContext extends CoreContext {
  classifier: TicketClassifier;
  sla: TicketSlaEngine;
  mail: TicketMailer;
}
