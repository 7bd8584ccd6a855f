import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { calendarFeed, revokeCalendarToken, rotateCalendarToken } from './calendar-feed.service';
import { CalendarFeedParams, CalendarToken } from './meetings.schema';

const tags = ['meetings'];

export function calendarRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/me/calendar-token',
      {
        config: { permission: 'meetings:read' },
        schema: { tags, summary: 'Create or rotate my calendar feed URL (the old one stops working)', response: { 201: CalendarToken } },
      },
      async (req, reply) => {
        const base = ctx.config.CLARA_PUBLIC_URL ?? `${req.protocol}://${req.host}`;
        return reply.status(201).send(await rotateCalendarToken(ctx, req.actor!, base));
      },
    );
    app.delete(
      '/api/me/calendar-token',
      { config: { permission: 'meetings:read' }, schema: { tags, summary: 'Revoke my calendar feed URL' } },
      async (req, reply) => {
        await revokeCalendarToken(ctx, req.actor!);
        return reply.status(204).send();
      },
    );
    // Calendar apps (Google, Outlook, Apple) fetch without logging in: the secret in the URL is the credential.
    app.get(
      '/api/calendar/:token.ics',
      {
        config: { public: true },
        schema: { tags, summary: 'My meetings as a subscribable iCalendar feed', params: CalendarFeedParams, security: [] },
      },
      async (req, reply) => reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(await calendarFeed(ctx, req.params.token)),
    );
  };
}
