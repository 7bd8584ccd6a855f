import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createTicket } from './ticket-create.service';
import { addStaffMessage, listMessages } from './ticket-messages.service';
import { getTicket, getTicketHistory, listTickets } from './ticket-read.service';
import { closeTicket, updateTicket } from './ticket-update.service';
import type { TicketsContext } from './tickets.context';
import {
  CreateMessageBody,
  CreateTicketBody,
  HistoryList,
  ListTicketsQuery,
  Message,
  MessageList,
  Ticket,
  TicketList,
  TicketRef,
  UpdateTicketBody,
} from './tickets.schema';

const tags = ['tickets'];

export function ticketsRoutes(ctx: TicketsContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/tickets',
      { config: { permission: 'tickets:write' }, schema: { tags, summary: 'Create a ticket', body: CreateTicketBody, response: { 201: Ticket } } },
      async (req, reply) => {
        const b = req.body;
        const ticket = await createTicket(ctx, req.actor!, {
          subject: b.subject,
          description: b.description,
          channel: b.channel,
          customerId: b.customer_id,
          customer: b.customer,
          category: b.category,
          priority: b.priority,
          intent: b.intent,
          queueId: b.queue_id,
          tags: b.tags,
          transcript: b.transcript,
          // The caller's own data (an order number, a CRM id) under `custom`: Clara's keys (demo,
          // auto_answer, email, …) steer its behaviour and are never set from outside.
          ...(b.metadata ? { metadata: { custom: b.metadata } } : {}),
        });
        return reply.status(201).send(ticket);
      },
    );
    app.get(
      '/api/tickets',
      {
        config: { permission: 'tickets:read' },
        schema: { tags, summary: 'List and search tickets', querystring: ListTicketsQuery, response: { 200: TicketList } },
      },
      async (req) => listTickets(ctx, req.actor!, req.query),
    );
    app.get(
      '/api/tickets/:id',
      { config: { permission: 'tickets:read' }, schema: { tags, summary: 'Get a ticket by id or number', params: TicketRef, response: { 200: Ticket } } },
      async (req) => getTicket(ctx, req.params.id),
    );
    app.patch(
      '/api/tickets/:id',
      {
        config: { permission: 'tickets:write' },
        schema: { tags, summary: 'Change a ticket', params: TicketRef, body: UpdateTicketBody, response: { 200: Ticket } },
      },
      async (req) => updateTicket(ctx, req.actor!, req.params.id, req.body),
    );
    app.delete(
      '/api/tickets/:id',
      { config: { permission: 'tickets:close' }, schema: { tags, summary: 'Close a ticket (soft delete)', params: TicketRef, response: { 200: Ticket } } },
      async (req) => closeTicket(ctx, req.actor!, req.params.id),
    );
    app.get(
      '/api/tickets/:id/history',
      { config: { permission: 'tickets:read' }, schema: { tags, summary: 'Audit trail of a ticket', params: TicketRef, response: { 200: HistoryList } } },
      async (req) => getTicketHistory(ctx, req.params.id),
    );
    app.get(
      '/api/tickets/:id/messages',
      { config: { permission: 'tickets:read' }, schema: { tags, summary: 'The conversation', params: TicketRef, response: { 200: MessageList } } },
      async (req) => listMessages(ctx, req.params.id),
    );
    app.post(
      '/api/tickets/:id/messages',
      {
        config: { permission: 'tickets:write' },
        schema: { tags, summary: 'Reply or add an internal note', params: TicketRef, body: CreateMessageBody, response: { 201: Message } },
      },
      async (req, reply) => reply.status(201).send(await addStaffMessage(ctx, req.actor!, req.params.id, req.body)),
    );
  };
}
