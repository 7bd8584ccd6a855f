import type { AppNotification } from './api/notifications';

/** Where a notification takes you: its ticket, the task board or the calendar; null when nowhere. */
export function notificationLink(n: Pick<AppNotification, 'type' | 'ticket_id' | 'data'>): string | null {
  if (n.ticket_id) return `/tickets/${n.ticket_id}`;
  if (n.type === 'task_overdue') return '/tasks?filter=overdue';
  if (n.type === 'meeting_reminder') {
    const start = typeof n.data.occurrence_start === 'string' ? n.data.occurrence_start.slice(0, 10) : null;
    return start ? `/calendar?date=${start}` : '/calendar';
  }
  return null;
}
