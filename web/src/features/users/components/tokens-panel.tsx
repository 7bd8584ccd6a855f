import { Badge, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { ErrorState, EmptyBlock, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime, formatRelative } from '../../../lib/time';
import { useCreateToken, useRevokeToken, useTokens } from '../api/tokens';
import type { CreatedToken, User } from '../api/types';
import { SecretOnce } from './secret-once';

function tokenState(t: { revoked_at: string | null; expires_at: string | null }): { label: string; color: string } {
  if (t.revoked_at) return { label: 'revoked', color: 'gray' };
  if (t.expires_at && new Date(t.expires_at) < new Date()) return { label: 'expired', color: 'orange' };
  return { label: 'active', color: 'teal' };
}

export function TokensPanel({ users, selfId }: { users: User[]; selfId: string }) {
  const tokens = useTokens(true);
  const create = useCreateToken();
  const revoke = useRevokeToken();
  const [name, setName] = useState('');
  const [userId, setUserId] = useState<string | null>(selfId);
  const [days, setDays] = useState<number | string>('');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const userName = new Map(users.map((u) => [u.id, u.name]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name: name.trim(), user_id: userId ?? undefined, expires_in_days: typeof days === 'number' ? days : undefined },
      { onSuccess: (t) => { setCreated(t); setName(''); setDays(''); } },
    );
  };

  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h5" mb="sm">
          New API token
        </Title>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput label="What is it for?" placeholder="e.g. CRM sync" required value={name} onChange={(e) => setName(e.currentTarget.value)} w={220} error={create.isError ? errorMessage(create.error) : undefined} />
            <Select label="Acts as" data={users.filter((u) => u.active).map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }))} value={userId} onChange={setUserId} allowDeselect={false} searchable w={240} />
            <NumberInput label="Expires in days" placeholder="never" min={1} max={3650} value={days} onChange={setDays} w={150} />
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create token
            </Button>
          </Group>
        </form>
        {created && (
          <Stack mt="md">
            <SecretOnce label={`Token “${created.name}”`} value={created.token} testId="created-token" />
          </Stack>
        )}
      </Paper>
      {tokens.isPending ? (
        <LoadingState />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.length === 0 ? (
        <EmptyBlock title="No API tokens yet" description="Integrations authenticate with Authorization: Bearer clara_…" />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" aria-label="API tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Prefix</Table.Th>
                <Table.Th>Acts as</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((t) => {
                const s = tokenState(t);
                return (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td>
                      <Text ff="monospace" size="sm">
                        {t.prefix}…
                      </Text>
                    </Table.Td>
                    <Table.Td>{userName.get(t.user_id) ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(t.created_at)}</Table.Td>
                    <Table.Td>{t.expires_at ? formatDateTime(t.expires_at) : 'never'}</Table.Td>
                    <Table.Td>{t.last_used_at ? formatRelative(t.last_used_at) : 'never'}</Table.Td>
                    <Table.Td>
                      <Badge color={s.color} variant="light">
                        {s.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {!t.revoked_at && (
                        <Button
                          size="xs"
                          color="red"
                          variant="subtle"
                          loading={revoke.isPending && revoke.variables === t.id}
                          onClick={() => {
                            if (!window.confirm(`Revoke the token “${t.name}”? Integrations using it stop working at once.`)) return;
                            revoke.mutate(t.id, {
                              onSuccess: () => notifications.show({ color: 'teal', message: `Token “${t.name}” revoked.` }),
                              onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }),
                            });
                          }}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
