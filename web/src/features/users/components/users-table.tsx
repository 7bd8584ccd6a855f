import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROLES, type Role } from '@shared/core/rbac';
import { errorMessage } from '../../../lib/api-client';
import { formatRelative } from '../../../lib/time';
import { useInviteUser, useUpdateUser } from '../api/change-user';
import type { User } from '../api/types';

export function UsersTable({ users, canManage, selfId }: { users: User[]; canManage: boolean; selfId: string }) {
  const update = useUpdateUser();
  const invite = useInviteUser();
  const sendInvite = (u: User) =>
    invite.mutate(u.id, {
      onSuccess: (inv) =>
        notifications.show({
          color: 'teal',
          title: inv.emailed ? `Invitation sent to ${u.email}` : 'Invitation created (no SMTP configured)',
          message: inv.emailed ? 'The link works once, for 7 days.' : `Share this link: ${inv.invite_url}`,
          autoClose: inv.emailed ? 4000 : false,
        }),
      onError: (err) => notifications.show({ color: 'red', title: `Could not invite ${u.name}`, message: errorMessage(err) }),
    });
  const change = (u: User, body: { role?: Role; active?: boolean }, done: string) =>
    update.mutate(
      { id: u.id, body },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: done }),
        onError: (err) => notifications.show({ color: 'red', title: `Could not change ${u.name}`, message: errorMessage(err) }),
      },
    );

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" aria-label="Staff users" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last login</Table.Th>
            {canManage && <Table.Th aria-label="Actions" />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id} data-testid="user-row" opacity={u.active ? 1 : 0.6}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {u.name} {u.id === selfId && <Badge size="xs" variant="outline">you</Badge>}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{u.email}</Text>
              </Table.Td>
              <Table.Td>
                {canManage ? (
                  <Select
                    aria-label={`Role of ${u.name}`}
                    data={[...ROLES]}
                    value={u.role}
                    onChange={(v) => v && v !== u.role && change(u, { role: v as Role }, `${u.name} is now ${v}.`)}
                    allowDeselect={false}
                    size="xs"
                    w={110}
                  />
                ) : (
                  <Badge variant="light">{u.role}</Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={u.active ? 'teal' : 'gray'} variant="light">
                  {u.active ? 'active' : 'deactivated'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {u.last_login_at ? formatRelative(u.last_login_at) : 'never'}
                </Text>
              </Table.Td>
              {canManage && (
                <Table.Td ta="right">
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {u.active && !u.last_login_at && (
                    <Button size="xs" variant="subtle" loading={invite.isPending && invite.variables === u.id} onClick={() => sendInvite(u)}>
                      Send invitation
                    </Button>
                  )}
                  <Button
                    size="xs"
                    variant={u.active ? 'subtle' : 'light'}
                    color={u.active ? 'red' : 'teal'}
                    onClick={() => change(u, { active: !u.active }, u.active ? `${u.name} is deactivated.` : `${u.name} is active again.`)}
                  >
                    {u.active ? 'Deactivate' : 'Reactivate'}
                  </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
