import { Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { forwardRef } from 'react';
import { CATEGORIES, PRIORITIES, STATUSES, type Status } from '@shared/modules/tickets/ticket-fields';
import type { TICKET_SORTS } from '@shared/modules/tickets/tickets.schema';
import type { TicketFilters } from '../api/list-tickets';

export type TicketSortValue = (typeof TICKET_SORTS)[number];

export const SORT_LABELS: Record<TicketSortValue, string> = {
  '-created_at': 'Newest first',
  created_at: 'Oldest first',
  '-updated_at': 'Recently updated',
  updated_at: 'Least recently updated',
  '-number': 'Number, high to low',
  number: 'Number, low to high',
  priority: 'Priority',
  first_response_due_at: 'First response due',
  resolution_due_at: 'Resolution due',
  next_breach: 'Next deadline',
};

export interface Option {
  value: string;
  label: string;
}

const opts = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) }));

interface Props {
  filters: TicketFilters;
  search: string;
  onSearch: (q: string) => void;
  onChange: (patch: Partial<TicketFilters>) => void;
  queues: Option[];
  assignees: Option[];
}

export const TicketFilterBar = forwardRef<HTMLInputElement, Props>(function TicketFilterBar({ filters, search, onSearch, onChange, queues, assignees }, searchRef) {
  const select = (label: string, key: keyof TicketFilters, data: Option[], placeholder: string) => (
    <Select
      label={label}
      placeholder={placeholder}
      data={data}
      value={(filters[key] as string | undefined) ?? null}
      onChange={(v) => onChange({ [key]: v ?? undefined })}
      clearable
      w={140}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  );
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter tickets">
      <TextInput
        ref={searchRef}
        label="Search"
        placeholder="Words, #number, customer…"
        value={search}
        onChange={(e) => onSearch(e.currentTarget.value)}
        w={230}
        type="search"
      />
      <MultiSelect
        label="Status"
        placeholder={filters.status?.length ? undefined : 'Any status'}
        data={opts(STATUSES)}
        value={filters.status ?? []}
        onChange={(v) => onChange({ status: v.length ? (v as Status[]) : undefined })}
        clearable
        miw={180}
        maw={360}
        size="sm"
        comboboxProps={{ withinPortal: true }}
      />
      {select('Priority', 'priority', opts(PRIORITIES), 'Any priority')}
      {select('Category', 'category', opts(CATEGORIES), 'Any category')}
      {select('Queue', 'queue_id', queues, 'Any queue')}
      {select('Assignee', 'assignee_id', [{ value: 'me', label: 'Me' }, { value: 'none', label: 'Unassigned' }, ...assignees], 'Anyone')}
      <Select
        label="Sort"
        data={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))}
        value={filters.sort ?? '-created_at'}
        onChange={(v) => onChange({ sort: (v ?? '-created_at') as TicketSortValue })}
        allowDeselect={false}
        w={180}
        size="sm"
      />
    </Group>
  );
});
