import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { CoreContext } from '../../core/context';
import { ListNotificationsQuery, Notification, NotificationList, NotificationParams, ReadAllResult } from './notifications.schema';
import { listNotifications, readAllNotifications, readNotification } from './notifications.service';

const tags = ['notifications'];

export function notificationsRoutes(ctx: CoreContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/notifications',
      {
        config: { permission: 'notifications:read' },
        schema: { tags, summary: 'My notifications, newest first', querystring: ListNotificationsQuery, response: { 200: NotificationList } },
      },
      async (req) => listNotifications(ctx, req.actor!, req.query),
    );
    app.post(
      '/api/notifications/read-all',
      { config: { permission: 'notifications:read' }, schema: { tags, summary: 'Mark all my notifications read', response: { 200: ReadAllResult } } },
      async (req) => readAllNotifications(ctx, req.actor!),
    );
    app.post(
      '/api/notifications/:id/read',
      {
        config: { permission: 'notifications:read' },
        schema: { tags, summary: 'Mark one notification read', params: NotificationParams, response: { 200: Notification } },
      },
      async (req) => readNotification(ctx, req.actor!, req.params.id),
    );
  };
}
