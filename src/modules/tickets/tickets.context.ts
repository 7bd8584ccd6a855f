import type { CoreContext } from '../../core/context';
import type { TicketClassifier } from './ticket-classification';

export interface TicketsContext extends CoreContext {
  classifier: TicketClassifier;
}
