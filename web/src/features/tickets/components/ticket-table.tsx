import { Anchor, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { formatRelative } from '../../../lib/time';
import type { Ticket } from '../api/types';
import { DemoBadge, PriorityBadge, StatusBadge } from './ticket-badges';
import { SlaBadge } from './sla-countdown';

interface Props {
  tickets: Ticket[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: (checked: boolean) => void;
  highlighted: number;
  onHighlight: (index: number) => void;
  selectable: boolean;
}

function openSla(t: Ticket) {
  // The deadline that breaches next: first response until the first reply (unless resolution is
  // due sooner), then resolution.
  const frRunning = !t.sla.first_responded_at && t.sla.first_response_due_at;
  const resolutionFirst = t.sla.resolution_due_at && frRunning && t.sla.resolution_due_at < t.sla.first_response_due_at!;
  if (frRunning && !resolutionFirst) return { label: 'First response', dueAt: t.sla.first_response_due_at, doneAt: null };
  return { label: 'Resolution', dueAt: t.sla.resolution_due_at, doneAt: t.resolved_at ?? t.closed_at };
}

export function TicketTable({ tickets, selected, onToggle, onToggleAll, highlighted, onHighlight, selectable }: Props) {
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  useEffect(() => {
    rowRefs.current[highlighted]?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  const allSelected = tickets.length > 0 && tickets.every((t) => selected.has(t.id));
  const someSelected = tickets.some((t) => selected.has(t.id));

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Tickets" aria-rowcount={tickets.length}>
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={36}>
                <Checkbox aria-label="Select all tickets on screen" checked={allSelected} indeterminate={someSelected && !allSelected} onChange={(e) => onToggleAll(e.currentTarget.checked)} />
              </Table.Th>
            )}
            <Table.Th w={70}>#</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Category</Table.Th>
            <Table.Th>Queue</Table.Th>
            <Table.Th>Assignee</Table.Th>
            <Table.Th>SLA</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tickets.map((t, i) => {
            const sla = openSla(t);
            const active = i === highlighted;
            const unresolved = t.status !== 'resolved' && t.status !== 'closed';
            return (
              <Table.Tr
                key={t.id}
                ref={(el) => {
                  rowRefs.current[i] = el;
                }}
                data-testid="ticket-row"
                data-number={t.number}
                aria-selected={active}
                bg={active ? 'var(--mantine-color-indigo-light)' : selected.has(t.id) ? 'var(--mantine-color-blue-light)' : undefined}
                style={{ boxShadow: active ? 'inset 3px 0 0 var(--mantine-color-indigo-6)' : undefined }}
                onMouseEnter={() => onHighlight(i)}
              >
                {selectable && (
                  <Table.Td>
                    <Checkbox aria-label={`Select ticket ${t.number}`} checked={selected.has(t.id)} onChange={() => onToggle(t.id)} />
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {t.number}
                  </Text>
                </Table.Td>
                <Table.Td maw={360}>
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/tickets/${t.number}`} fw={500} size="sm" lineClamp={1} c="var(--mantine-color-text)">
                      {t.subject}
                    </Anchor>
                    <Group gap={6} wrap="nowrap">
                      <DemoBadge metadata={t.metadata} />
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {t.customer.name ?? t.customer.email} · {t.channel}
                      </Text>
                    </Group>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={t.status} />
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={t.priority} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" tt="capitalize">
                    {t.category}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t.queue.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={t.assignee ? undefined : 'dimmed'}>
                    {t.assignee?.name ?? 'Unassigned'}
                  </Text>
                </Table.Td>
                <Table.Td>{unresolved ? <SlaBadge compact {...sla} /> : <Group />}</Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed" title={t.updated_at}>
                    {formatRelative(t.updated_at)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
