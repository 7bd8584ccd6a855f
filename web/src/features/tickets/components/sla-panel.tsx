import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Ticket } from '../api/types';
import { SlaBadge } from './sla-countdown';

const STATE_COLOR = { ok: 'teal', warning: 'orange', breached: 'red' } as const;

export function SlaPanel({ ticket }: { ticket: Ticket }) {
  const { sla } = ticket;
  const hasSla = !!(sla.first_response_due_at || sla.resolution_due_at);
  return (
    <Stack gap={6} align="flex-start" data-testid="sla-panel">
      <SlaBadge label="First response" dueAt={sla.first_response_due_at} doneAt={sla.first_responded_at} />
      <SlaBadge label="Resolution" dueAt={sla.resolution_due_at} doneAt={ticket.resolved_at ?? ticket.closed_at} />
      {hasSla && (
        <Group gap={6}>
          <Badge color={STATE_COLOR[sla.state]} variant="dot" tt="none" data-testid="sla-state">
            {sla.state === 'ok' ? 'On track' : sla.state === 'warning' ? 'Warning: 80% of the time used' : 'Breached'}
          </Badge>
          {sla.paused && (
            <Badge color="gray" variant="light" tt="none" data-testid="sla-paused">
              Paused
            </Badge>
          )}
        </Group>
      )}
      {sla.paused && (
        <Text size="xs" c="dimmed">
          The clock stands still while the ticket waits on the customer.
        </Text>
      )}
    </Stack>
  );
}
