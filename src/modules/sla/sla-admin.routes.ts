import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { auditBy } from '../audit';
import {
  AdminSla,
  AdminSlaList,
  Calendar,
  CalendarList,
  CreateCalendarBody,
  CreateSlaBody,
  IdParams,
  UpdateCalendarBody,
  UpdateSlaBody,
} from './sla-admin.schema';
import {
  createCalendar,
  createSla,
  deleteCalendar,
  deleteSla,
  getCalendar,
  listAdminSlas,
  listCalendars,
  updateCalendar,
  updateSla,
} from './sla-admin.service';

const tags = ['admin'];
const Empty = z.null();

export function slaAdminRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/calendars',
      { config: { permission: 'settings:read' }, schema: { tags, summary: 'Business-hours calendars', response: { 200: CalendarList } } },
      async () => listCalendars(ctx),
    );
    app.post(
      '/api/admin/calendars',
      { config: { permission: 'sla:manage' }, schema: { tags, summary: 'Create a business-hours calendar', body: CreateCalendarBody, response: { 201: Calendar } } },
      async (req, reply) => reply.status(201).send(await createCalendar(ctx, auditBy(req), req.body)),
    );
    app.get(
      '/api/admin/calendars/:id',
      { config: { permission: 'settings:read' }, schema: { tags, summary: 'A business-hours calendar', params: IdParams, response: { 200: Calendar } } },
      async (req) => getCalendar(ctx, req.params.id),
    );
    app.patch(
      '/api/admin/calendars/:id',
      {
        config: { permission: 'sla:manage' },
        schema: { tags, summary: 'Change a business-hours calendar', params: IdParams, body: UpdateCalendarBody, response: { 200: Calendar } },
      },
      async (req) => updateCalendar(ctx, auditBy(req), req.params.id, req.body),
    );
    app.delete(
      '/api/admin/calendars/:id',
      { config: { permission: 'sla:manage' }, schema: { tags, summary: 'Delete an unused calendar', params: IdParams, response: { 204: Empty } } },
      async (req, reply) => {
        await deleteCalendar(ctx, auditBy(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/api/admin/slas',
      { config: { permission: 'settings:read' }, schema: { tags, summary: 'SLA policies with their calendars', response: { 200: AdminSlaList } } },
      async () => listAdminSlas(ctx),
    );
    app.post(
      '/api/admin/slas',
      { config: { permission: 'sla:manage' }, schema: { tags, summary: 'Create the SLA of a priority', body: CreateSlaBody, response: { 201: AdminSla } } },
      async (req, reply) => reply.status(201).send(await createSla(ctx, auditBy(req), req.body)),
    );
    app.patch(
      '/api/admin/slas/:id',
      { config: { permission: 'sla:manage' }, schema: { tags, summary: 'Change an SLA (targets, calendar, active)', params: IdParams, body: UpdateSlaBody, response: { 200: AdminSla } } },
      async (req) => updateSla(ctx, auditBy(req), req.params.id, req.body),
    );
    app.delete(
      '/api/admin/slas/:id',
      { config: { permission: 'sla:manage' }, schema: { tags, summary: 'Delete an SLA', params: IdParams, response: { 204: Empty } } },
      async (req, reply) => {
        await deleteSla(ctx, auditBy(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
}
