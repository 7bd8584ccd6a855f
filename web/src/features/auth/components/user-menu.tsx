import { Avatar, Badge, Group, Menu, Text, UnstyledButton, useMantineColorScheme } from '@mantine/core';
import type { SessionUser } from '../../../lib/session';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu({ user, onLogout, onShortcuts }: { user: SessionUser; onLogout: () => void; onShortcuts: () => void }) {
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${user.name}`} data-testid="user-menu">
          <Group gap="xs">
            <Avatar size="sm" radius="xl" color="indigo">
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {user.name}
          </Text>
          <Text size="xs">{user.email}</Text>
          <Badge mt={6} size="xs" variant="light">
            {user.role}
          </Badge>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item onClick={toggleColorScheme}>{colorScheme === 'dark' ? 'Light theme' : 'Dark theme'}</Menu.Item>
        <Menu.Item onClick={onShortcuts}>Keyboard shortcuts</Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={onLogout}>
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
