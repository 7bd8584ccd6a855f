import { AppShell, Burger, Group, Kbd, Modal, NavLink, ScrollArea, Table, Text } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../features/auth/api/logout';
import { DemoBanner } from '../features/demo/components/demo-banner';
import { flushAllDrafts } from '../lib/server-draft';
import { UserMenu } from '../features/auth/components/user-menu';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { useSession } from '../lib/session';
import { activeNavItem, visibleNavItems } from './nav';
import { SHORTCUTS, useGoShortcuts } from './shortcuts';

export function Logo() {
  return (
    <Group gap={8} wrap="nowrap">
      <img src="/favicon.svg" alt="" width={26} height={26} />
      <Text fw={700} size="lg">
        Clara
      </Text>
    </Group>
  );
}

export function Shell() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const [navOpen, nav] = useDisclosure(false);
  const [helpOpen, help] = useDisclosure(false);
  const items = visibleNavItems(session.user.permissions);
  const active = activeNavItem(location.pathname);

  useGoShortcuts(Object.fromEntries(items.map((i) => [i.key, () => navigate(i.to)])));
  useHotkeys([['shift+?', help.open]]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpen } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Logo />
          </Group>
          <Group gap="xs">
            {session.user.permissions.includes('notifications:read') && <NotificationBell />}
            <UserMenu
              user={session.user}
              onShortcuts={help.open}
              // Drafts still waiting for their save go to the server before the session ends.
              onLogout={() => void flushAllDrafts().then(() => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) }))}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label="Main navigation">
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                label={item.label}
                active={active?.to === item.to}
                onClick={nav.close}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="sm" pb="xs">
            Press <Kbd size="xs">?</Kbd> for shortcuts
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <DemoBanner canSee={session.user.permissions.includes('settings:read')} canRemove={session.user.permissions.includes('system:manage')} />
        <Outlet />
      </AppShell.Main>
      <Modal opened={helpOpen} onClose={help.close} title="Keyboard shortcuts">
        <Table>
          <Table.Tbody>
            {SHORTCUTS.map((s) => (
              <Table.Tr key={s.keys}>
                <Table.Td>
                  <Kbd>{s.keys}</Kbd>
                </Table.Td>
                <Table.Td>{s.what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
    </AppShell>
  );
}
