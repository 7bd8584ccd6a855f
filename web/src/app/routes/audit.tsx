import { Autocomplete, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/page-states';
import { useSession } from '../../lib/session';
import { AUDIT_TARGET_TYPES, KNOWN_AUDIT_ACTIONS, useAuditLog, type AuditFilters } from '../../features/audit/api/list-audit';
import { AuditTable } from '../../features/audit/components/audit-table';
import { useUsers } from '../../features/users/api/list-users';

// Date inputs give local calendar days; the API wants instants.
const dayStart = (d: string) => (d ? new Date(`${d}T00:00:00`).toISOString() : undefined);
const dayEnd = (d: string) => (d ? new Date(`${d}T23:59:59.999`).toISOString() : undefined);

export function AuditPage() {
  const session = useSession();
  const [action, setAction] = useState('');
  const [debouncedAction] = useDebouncedValue(action.trim(), 300);
  const [actor, setActor] = useState<string | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const users = useUsers({}, { enabled: session.can('users:read') });
  const filters: AuditFilters = useMemo(
    () => ({ action: debouncedAction || undefined, actor_id: actor ?? undefined, target_type: target ?? undefined, from: dayStart(from), to: dayEnd(to) }),
    [debouncedAction, actor, target, from, to],
  );
  const log = useAuditLog(filters);
  const entries = log.data?.pages.flatMap((p) => p.items) ?? [];
  const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const filtered = Object.values(filters).some(Boolean);

  return (
    <Stack gap="md">
      <PageHeader title="Audit log" description="Every admin action and login, newest first." />
      <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter the audit log">
        <Autocomplete label="Action" placeholder="e.g. user.created" data={KNOWN_AUDIT_ACTIONS} value={action} onChange={setAction} w={220} clearable />
        <Select
          label="Actor"
          placeholder="Anyone"
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={actor}
          onChange={setActor}
          searchable
          clearable
          w={200}
          disabled={!session.can('users:read')}
        />
        <Select label="Target" placeholder="Anything" data={AUDIT_TARGET_TYPES} value={target} onChange={setTarget} clearable w={180} />
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} w={160} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} w={160} />
        {filtered && (
          <Button variant="subtle" onClick={() => { setAction(''); setActor(null); setTarget(null); setFrom(''); setTo(''); }}>
            Clear
          </Button>
        )}
      </Group>
      {log.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyBlock title={filtered ? 'Nothing matches these filters' : 'No audit entries yet'} />
      ) : (
        <>
          <AuditTable entries={entries} actorName={(id) => names.get(id)} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {entries.length} entr{entries.length === 1 ? 'y' : 'ies'} shown
            </Text>
            {log.hasNextPage && (
              <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
                Load more
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
