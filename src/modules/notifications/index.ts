export { notifications, NOTIFICATION_TYPES, type NotificationType, type NotificationRow } from './notifications.table';
export { notifyUsers, type NewNotification } from './notifications.service';
export { findActiveUserIdsByRole } from './notifications.queries';
export { notificationsRoutes } from './notifications.routes';
export { subscribeNotifications } from './notifications.listeners';
export { mailQueuedNotifications, startNotificationMailer } from './notification-email.service';
