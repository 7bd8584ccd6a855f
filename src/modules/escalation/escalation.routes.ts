import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditBy } from '../audit';
import { Ticket, TicketRef, type TicketsContext } from '../tickets';
import { AddMemberBody, DeescalateBody, EscalateBody, QueueMemberParams, QueueMembers, QueueParams, QueueWarningList, SetMembersBody } from './escalation.schema';
import { queueWarnings } from './queue-warnings.service';
import { archiveQueue, createQueue, editQueue, restoreQueue } from './queue-admin.service';
import { ArchiveQueueBody, ArchivedQueue, CreateQueueBody, Queue, UpdateQueueBody } from '../queues';
import { deescalateTicket, escalateTicket } from './manual-escalation.service';
import { addQueueMember, getQueueMembers, removeQueueMember, setQueueMembers } from './queue-members.service';
import { CreateRuleBody, Rule, RuleList, RuleParams, UpdateRuleBody } from './rules.schema';
import { createRule, deleteRule, getRule, listRules, updateRule } from './rules.service';

const Empty = z.null();

export function escalationRoutes(ctx: TicketsContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/tickets/:id/escalate',
      {
        config: { permission: 'tickets:escalate' },
        schema: { tags: ['tickets'], summary: 'Escalate a ticket by hand', params: TicketRef, body: EscalateBody, response: { 200: Ticket } },
      },
      async (req) => escalateTicket(ctx, req.actor!, req.params.id, req.body),
    );
    app.post(
      '/api/tickets/:id/deescalate',
      {
        config: { permission: 'tickets:deescalate' },
        schema: { tags: ['tickets'], summary: 'Take a ticket out of escalation', params: TicketRef, body: DeescalateBody, response: { 200: Ticket } },
      },
      async (req) => deescalateTicket(ctx, auditBy(req), req.params.id, req.body ?? {}),
    );

    const admin = ['admin'];
    app.get(
      '/api/admin/escalation-rules',
      { config: { permission: 'settings:read' }, schema: { tags: admin, summary: 'Escalation rules in evaluation order', response: { 200: RuleList } } },
      async () => listRules(ctx),
    );
    app.post(
      '/api/admin/escalation-rules',
      { config: { permission: 'escalation:manage' }, schema: { tags: admin, summary: 'Create an escalation rule', body: CreateRuleBody, response: { 201: Rule } } },
      async (req, reply) => reply.status(201).send(await createRule(ctx, auditBy(req), req.body)),
    );
    app.get(
      '/api/admin/escalation-rules/:id',
      { config: { permission: 'settings:read' }, schema: { tags: admin, summary: 'An escalation rule', params: RuleParams, response: { 200: Rule } } },
      async (req) => getRule(ctx, req.params.id),
    );
    app.patch(
      '/api/admin/escalation-rules/:id',
      {
        config: { permission: 'escalation:manage' },
        schema: { tags: admin, summary: 'Change an escalation rule', params: RuleParams, body: UpdateRuleBody, response: { 200: Rule } },
      },
      async (req) => updateRule(ctx, auditBy(req), req.params.id, req.body),
    );
    app.delete(
      '/api/admin/escalation-rules/:id',
      { config: { permission: 'escalation:manage' }, schema: { tags: admin, summary: 'Delete an escalation rule', params: RuleParams, response: { 204: Empty } } },
      async (req, reply) => {
        await deleteRule(ctx, auditBy(req), req.params.id);
        return reply.status(204).send(null);
      },
    );

    const manageQueues = { permission: 'queues:manage' as const };
    app.post(
      '/api/queues',
      { config: manageQueues, schema: { tags: ['queues'], summary: 'Create a queue', body: CreateQueueBody, response: { 201: Queue } } },
      async (req, reply) => reply.status(201).send(await createQueue(ctx, auditBy(req), req.body)),
    );
    app.patch(
      '/api/queues/:id',
      {
        config: manageQueues,
        schema: {
          tags: ['queues'],
          summary: 'Rename a queue or change its description (the classifier reads it); routes and rules follow a new name',
          params: QueueParams,
          body: UpdateQueueBody,
          response: { 200: Queue },
        },
      },
      async (req) => editQueue(ctx, auditBy(req), req.params.id, req.body),
    );
    app.post(
      '/api/queues/:id/archive',
      {
        config: manageQueues,
        schema: { tags: ['queues'], summary: 'Archive a queue: its tickets, routes and rules move to another queue', params: QueueParams, body: ArchiveQueueBody, response: { 200: ArchivedQueue } },
      },
      async (req) => archiveQueue(ctx, auditBy(req), req.params.id, req.body.move_to),
    );
    app.post(
      '/api/queues/:id/restore',
      { config: manageQueues, schema: { tags: ['queues'], summary: 'Take an archived queue back into use', params: QueueParams, response: { 200: Queue } } },
      async (req) => restoreQueue(ctx, auditBy(req), req.params.id),
    );
    app.get(
      '/api/admin/queues/warnings',
      {
        config: { permission: 'settings:read' },
        schema: { tags: admin, summary: 'Queues that receive tickets (routing, escalation rules) but have no member to give them to', response: { 200: QueueWarningList } },
      },
      async () => queueWarnings(ctx),
    );
    app.get(
      '/api/admin/queues/:id/members',
      { config: { permission: 'settings:read' }, schema: { tags: admin, summary: 'Members of a queue and how it assigns', params: QueueParams, response: { 200: QueueMembers } } },
      async (req) => getQueueMembers(ctx, req.params.id),
    );
    app.put(
      '/api/admin/queues/:id/members',
      {
        config: { permission: 'queues:manage' },
        schema: { tags: admin, summary: 'Set the members and/or the assignment mode of a queue', params: QueueParams, body: SetMembersBody, response: { 200: QueueMembers } },
      },
      async (req) => setQueueMembers(ctx, auditBy(req), req.params.id, req.body),
    );
    app.post(
      '/api/admin/queues/:id/members',
      {
        config: { permission: 'queues:manage' },
        schema: { tags: admin, summary: 'Add a member to a queue', params: QueueParams, body: AddMemberBody, response: { 201: QueueMembers } },
      },
      async (req, reply) => reply.status(201).send(await addQueueMember(ctx, auditBy(req), req.params.id, req.body.user_id)),
    );
    app.delete(
      '/api/admin/queues/:id/members/:userId',
      { config: { permission: 'queues:manage' }, schema: { tags: admin, summary: 'Remove a member from a queue', params: QueueMemberParams, response: { 200: QueueMembers } } },
      async (req) => removeQueueMember(ctx, auditBy(req), req.params.id, req.params.userId),
    );
  };
}
