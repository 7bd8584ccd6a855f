import { describe, expect, it } from 'vitest';
import { notificationLink } from './notification-link';

describe('notificationLink', () => {
  it('opens the ticket a notification is about', () => {
    expect(notificationLink({ type: 'sla_breach', ticket_id: 'abc', data: {} })).toBe('/tickets/abc');
  });

  it('sends overdue tasks to the board and reminders to the day in the calendar', () => {
    expect(notificationLink({ type: 'task_overdue', ticket_id: null, data: { task_id: 't1' } })).toBe('/tasks?filter=overdue');
    expect(notificationLink({ type: 'meeting_reminder', ticket_id: null, data: { occurrence_start: '2026-03-10T10:00:00.000Z' } })).toBe('/calendar?date=2026-03-10');
  });

  it('has no link for a notification about nothing in particular', () => {
    expect(notificationLink({ type: 'mention', ticket_id: null, data: {} })).toBeNull();
  });
});
