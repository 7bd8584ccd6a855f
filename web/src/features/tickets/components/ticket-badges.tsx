import { Badge } from '@mantine/core';
import type { Priority, Status } from '@shared/modules/tickets/ticket-fields';

export const STATUS_COLOR: Record<Status, string> = { open: 'blue', pending: 'yellow', escalated: 'red', resolved: 'green', closed: 'gray' };
export const PRIORITY_COLOR: Record<Priority, string> = { urgent: 'red', high: 'orange', normal: 'blue', low: 'gray' };

export function StatusBadge({ status }: { status: Status }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="status-badge" miw="max-content">
      {status}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <Badge color={PRIORITY_COLOR[priority]} variant={priority === 'urgent' ? 'filled' : 'outline'} size="sm" miw="max-content">
      {priority}
    </Badge>
  );
}

/** Made-up demo data (removable in one click from the banner). */
export function DemoBadge({ metadata }: { metadata?: Record<string, unknown> }) {
  if (metadata?.demo !== true) return null;
  return (
    <Badge size="xs" color="grape" variant="light" data-testid="demo-badge">
      Demo
    </Badge>
  );
}
