export { ticketsRoutes } from './tickets.routes';
export { publicTicketsRoutes } from './public.routes';
export { createTicket, type NewTicket } from './ticket-create.service';
export { addCustomerMessage, addStaffMessage } from './ticket-messages.service';
export { updateTicket } from './ticket-update.service';
export { fallbackClassifier, type TicketClassifier, type TicketClassification, type ClassificationInput } from './ticket-classification';
export type { TicketsContext } from './tickets.context';
export * from './ticket-fields';
export { tickets, ticketMessages, ticketHistory, type TicketRow } from './tickets.table';
