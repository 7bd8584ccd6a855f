import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/page-states';
import { useSession } from '../../lib/session';
import { useQueues } from '../../features/settings/api/queues';
import { useBulkRun } from '../../features/tickets/api/bulk-update';
import { useTicketList, type TicketFilters } from '../../features/tickets/api/list-tickets';
import { closeTicket, updateTicket } from '../../features/tickets/api/update-ticket';
import { BulkBar } from '../../features/tickets/components/bulk-bar';
import { TicketFilterBar } from '../../features/tickets/components/ticket-filters';
import { filtersFromParams, INBOX_VIEWS as VIEWS, paramsFromFilters, sameFilters } from '../../features/tickets/inbox-views';
import { TicketTable } from '../../features/tickets/components/ticket-table';
import { useUsers } from '../../features/users/api/list-users';

export function InboxPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search, 300);
  const searchRef = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [highlighted, setHighlighted] = useState(0);

  const canAssignOthers = session.can('tickets:assign');
  const canWrite = session.can('tickets:write');
  const users = useUsers({ active: 'true' }, { enabled: session.can('users:read') });
  const queues = useQueues();
  const list = useTicketList(filters);
  const tickets = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total ?? 0;
  // A search counts up to a limit: past it, "1000+".
  const shownTotal = list.data?.pages[0]?.total_capped ? `${total}+` : String(total);
  const bulk = useBulkRun();

  const setFilters = (next: TicketFilters) => {
    setParams(paramsFromFilters(next), { replace: true });
    setSelected(new Set());
    setHighlighted(0);
  };
  const patch = (change: Partial<TicketFilters>) => setFilters({ ...filters, ...change });

  useEffect(() => {
    if ((debounced.trim() || undefined) !== filters.q) patch({ q: debounced.trim() || undefined });
    // Only a new debounced search writes the URL; filter changes from elsewhere must not re-trigger it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const assigneeOptions = (users.data ?? []).filter((u) => u.role !== 'viewer').map((u) => ({ value: u.id, label: u.name }));
  const bulkAssignees = canAssignOthers ? assigneeOptions : [{ value: session.user.id, label: 'Me' }];
  const view = VIEWS.find((v) => sameFilters(v.filters, filters))?.value ?? 'custom';
  const isDefaultView = view === VIEWS[0]!.value && !filters.q;

  const open = (i: number) => {
    const t = tickets[i];
    if (t) navigate(`/tickets/${t.number}`);
  };
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  useHotkeys([
    ['j', () => setHighlighted((i) => Math.min(i + 1, Math.max(tickets.length - 1, 0)))],
    ['k', () => setHighlighted((i) => Math.max(i - 1, 0))],
    [
      'Enter',
      (e) => {
        if ((e.target as HTMLElement | null)?.closest?.('a,button,[role="option"]')) return;
        open(highlighted);
      },
    ],
    ['x', () => tickets[highlighted] && canWrite && toggle(tickets[highlighted]!.id)],
    ['/', () => searchRef.current?.focus(), { preventDefault: true }],
  ]);

  const selectedTickets = tickets.filter((t) => selected.has(t.id));
  const runBulk = async (label: string, action: (id: string) => Promise<unknown>) => {
    const result = await bulk.run(label, selectedTickets, action);
    setSelected(new Set());
    if (result.failures.length === 0) notifications.show({ color: 'teal', message: `${label}: ${result.ok} ticket${result.ok === 1 ? '' : 's'} done.` });
    else
      notifications.show({
        color: 'red',
        title: `${label}: ${result.failures.length} failed, ${result.ok} done`,
        message: result.failures.map((f) => `#${f.number}: ${f.message}`).join('\n'),
        autoClose: 10_000,
      });
  };

  return (
    <Stack gap="md">
      <PageHeader title="Inbox" description={list.data ? `${shownTotal} ticket${total === 1 ? '' : 's'}` : undefined} />
      <SegmentedControl
        aria-label="Saved views"
        value={view}
        onChange={(v) => {
          const found = VIEWS.find((x) => x.value === v);
          if (!found) return;
          setSearch('');
          setFilters(found.filters);
        }}
        data={[...VIEWS.map((v) => ({ value: v.value, label: v.label })), ...(view === 'custom' ? [{ value: 'custom', label: 'Custom filter' }] : [])]}
        style={{ alignSelf: 'flex-start' }}
      />
      <TicketFilterBar
        ref={searchRef}
        filters={filters}
        search={search}
        onSearch={setSearch}
        onChange={patch}
        queues={(queues.data ?? []).map((q) => ({ value: q.id, label: q.name }))}
        assignees={assigneeOptions}
      />
      {(selected.size > 0 || bulk.progress) && (
        <BulkBar
          count={selected.size}
          progress={bulk.progress}
          assignees={bulkAssignees}
          canClose={session.can('tickets:close')}
          onAssign={(userId) => void runBulk('Assign', (id) => updateTicket(id, { assignee_id: userId }))}
          onClose={() => void runBulk('Close', closeTicket)}
          onClear={() => setSelected(new Set())}
        />
      )}
      {list.isPending ? (
        <LoadingState label="Loading tickets…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} title="Could not load tickets" />
      ) : tickets.length === 0 ? (
        <EmptyBlock
          title={isDefaultView ? 'No unresolved tickets' : 'No tickets match these filters'}
          description={isDefaultView ? 'New tickets from email, chat and the support page appear here.' : 'Try another view or clear the filters.'}
          action={
            isDefaultView ? (
              <Button variant="light" onClick={() => setFilters({})}>
                Show all tickets
              </Button>
            ) : (
              <Button variant="light" onClick={() => { setSearch(''); setFilters(VIEWS[0]!.filters); }}>
                Clear filters
              </Button>
            )
          }
        />
      ) : (
        <>
          <TicketTable
            tickets={tickets}
            selected={selected}
            selectable={canWrite}
            onToggle={toggle}
            onToggleAll={(checked) => setSelected(checked ? new Set(tickets.map((t) => t.id)) : new Set())}
            highlighted={highlighted}
            onHighlight={setHighlighted}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Showing {tickets.length} of {shownTotal} · <b>j</b>/<b>k</b> to move, <b>Enter</b> to open, <b>x</b> to select
            </Text>
            {list.hasNextPage && (
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Load more
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

