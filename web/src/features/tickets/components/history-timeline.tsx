import { Text, Timeline } from '@mantine/core';
import { formatDateTime, formatRelative } from '../../../lib/time';
import type { HistoryEntry } from '../api/types';

const ACTION_LABELS: Record<string, string> = {
  created: 'Created',
  status_changed: 'Status changed',
  reopened: 'Reopened',
  priority_changed: 'Priority changed',
  category_changed: 'Category changed',
  intent_changed: 'Intent changed',
  subject_changed: 'Subject changed',
  assigned: 'Assignee changed',
  queue_changed: 'Queue changed',
  tags_changed: 'Tags changed',
  reply_sent: 'Public reply sent',
  note_added: 'Internal note added',
  first_response: 'First response',
  customer_replied: 'Customer replied',
  escalated: 'Escalated',
  deescalated: 'De-escalated',
  sla_warning: 'SLA warning',
  sla_breached: 'SLA breached',
  auto_answered: 'Answered by Clara from the knowledge base',
  overdue_notified: 'Overdue reminder sent',
};

export interface NameLookup {
  user(id: string): string | undefined;
  queue(id: string): string | undefined;
}

function show(value: unknown, action: string, names: NameLookup): string {
  if (value === null || value === undefined) return action === 'assigned' ? 'nobody' : '—';
  if (typeof value === 'string') {
    if (action === 'assigned') return names.user(value) ?? 'someone';
    if (action === 'queue_changed') return names.queue(value) ?? 'another queue';
    return value;
  }
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  return '';
}

export function describeEntry(e: HistoryEntry, names: NameLookup): string {
  const label = ACTION_LABELS[e.action] ?? e.action.replace(/_/g, ' ');
  if (e.action === 'created' && e.new_value && typeof e.new_value === 'object') {
    const v = e.new_value as Record<string, unknown>;
    return `${label} via ${String(v.channel ?? 'unknown')} in ${String(v.queue ?? 'a queue')} (${String(v.category)}, ${String(v.priority)})`;
  }
  if (e.action === 'escalated' && e.new_value && typeof e.new_value === 'object') {
    const rule = (e.new_value as Record<string, unknown>).rule;
    return typeof rule === 'string' ? `${label} by the rule “${rule}”` : `${label} by hand`;
  }
  if (e.action.startsWith('sla_') && e.new_value && typeof e.new_value === 'object') {
    const target = (e.new_value as Record<string, unknown>).target;
    return typeof target === 'string' ? `${label} (${target.replace(/_/g, ' ')})` : label;
  }
  if ((e.old_value !== null && e.old_value !== undefined) || e.action === 'assigned') {
    return `${label}: ${show(e.old_value, e.action, names)} → ${show(e.new_value, e.action, names)}`;
  }
  return label;
}

function actorName(e: HistoryEntry, names: NameLookup): string {
  if (e.actor_type === 'user' && e.actor_id) return names.user(e.actor_id) ?? 'a staff member';
  return e.actor_type;
}

export function HistoryTimeline({ entries, names }: { entries: HistoryEntry[]; names: NameLookup }) {
  return (
    <Timeline bulletSize={12} lineWidth={2} active={entries.length} aria-label="Ticket history">
      {entries.map((e) => (
        <Timeline.Item key={e.id} title={<Text size="sm">{describeEntry(e, names)}</Text>}>
          <Text size="xs" c="dimmed" title={formatDateTime(e.created_at)}>
            {actorName(e, names)} · {formatRelative(e.created_at)}
          </Text>
          {e.comment && (
            <Text size="xs" fs="italic">
              “{e.comment}”
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
