import { Button, Group, Select, Stack, Switch, Tabs, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ROLES, type Role } from '@shared/core/rbac';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/page-states';
import { useSession } from '../../lib/session';
import { useUsers } from '../../features/users/api/list-users';
import { usePermissionMatrix } from '../../features/users/api/permissions';
import { CreateUserModal } from '../../features/users/components/create-user-modal';
import { PermissionMatrixTable } from '../../features/users/components/permission-matrix';
import { TokensPanel } from '../../features/users/components/tokens-panel';
import { UsersTable } from '../../features/users/components/users-table';

function UsersTab() {
  const session = useSession();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [role, setRole] = useState<Role | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [createOpen, createModal] = useDisclosure(false);
  const users = useUsers({ q: debouncedQ.trim() || undefined, role: role ?? undefined, active: showInactive ? undefined : 'true' });
  const canManage = session.can('users:manage');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Group align="flex-end" gap="sm">
          <TextInput label="Search" placeholder="Name or email" type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} w={220} />
          <Select label="Role" placeholder="Any role" data={[...ROLES]} value={role} onChange={(v) => setRole(v as Role | null)} clearable w={140} />
          <Switch label="Show deactivated" checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} mb={8} />
        </Group>
        {canManage && <Button onClick={createModal.open}>Create user</Button>}
      </Group>
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyBlock title="No users match" description="Change the search or the role filter." />
      ) : (
        <UsersTable users={users.data} canManage={canManage} selfId={session.user.id} />
      )}
      {canManage && <CreateUserModal opened={createOpen} onClose={createModal.close} />}
    </Stack>
  );
}

function PermissionsTab() {
  const matrix = usePermissionMatrix();
  if (matrix.isPending) return <LoadingState />;
  if (matrix.isError) return <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />;
  return <PermissionMatrixTable matrix={matrix.data} />;
}

function TokensTab() {
  const session = useSession();
  const users = useUsers({});
  if (users.isPending) return <LoadingState />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  return <TokensPanel users={users.data} selfId={session.user.id} />;
}

export function UsersPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const canTokens = session.can('tokens:manage');
  const tab = params.get('tab') === 'permissions' || (params.get('tab') === 'tokens' && canTokens) ? params.get('tab')! : 'users';
  return (
    <Stack gap={0}>
      <PageHeader title="Users & roles" description="Staff accounts, what each role may do, and API tokens for integrations." />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'users' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">Users</Tabs.Tab>
          <Tabs.Tab value="permissions">Permissions</Tabs.Tab>
          {canTokens && <Tabs.Tab value="tokens">API tokens</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="users">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="permissions">
          <PermissionsTab />
        </Tabs.Panel>
        {canTokens && (
          <Tabs.Panel value="tokens">
            <TokensTab />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
