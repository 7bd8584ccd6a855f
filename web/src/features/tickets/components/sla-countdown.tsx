import { Badge, Tooltip } from '@mantine/core';
import { formatDateTime } from '../../../lib/time';
import { useNow } from '../../../lib/use-now';
import { SLA_TONE_COLOR, slaStatus } from '../sla';

export function SlaBadge({ label, dueAt, doneAt, compact = false }: { label: string; dueAt: string | null; doneAt: string | null; compact?: boolean }) {
  const now = useNow();
  const s = slaStatus(dueAt, doneAt, now);
  if (compact && s.tone === 'none') return null;
  const badge = (
    <Badge color={SLA_TONE_COLOR[s.tone]} variant={s.tone === 'overdue' ? 'filled' : 'light'} size={compact ? 'sm' : 'md'} tt="none" miw="max-content" data-testid={`sla-${label.toLowerCase().replace(/\s+/g, '-')}`}>
      {compact ? s.label : `${label}: ${s.label}`}
    </Badge>
  );
  return dueAt ? <Tooltip label={`${label} due ${formatDateTime(dueAt)}`}>{badge}</Tooltip> : badge;
}
