import { ActionIcon, Button, Group, Indicator, Loader, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useNavigate } from 'react-router';
import { formatRelative } from '../../../lib/time';
import { useMarkAllRead, useMarkRead, useNotifications, type AppNotification } from '../api/notifications';
import { notificationLink } from '../notification-link';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

function Item({ n, onOpen }: { n: AppNotification; onOpen: (n: AppNotification) => void }) {
  return (
    <UnstyledButton
      onClick={() => onOpen(n)}
      p="xs"
      style={{ borderRadius: 'var(--mantine-radius-sm)', background: n.read_at ? undefined : 'var(--mantine-color-blue-light)' }}
      aria-label={`${n.read_at ? '' : 'Unread: '}${n.title}`}
    >
      <Text size="sm" fw={n.read_at ? 400 : 600} lineClamp={2}>
        {n.title}
      </Text>
      {n.body && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {n.body}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {formatRelative(n.created_at)}
      </Text>
    </UnstyledButton>
  );
}

/** The header bell: unread count, the latest notifications, mark read, and a jump to what each is about. */
export function NotificationBell() {
  const [opened, popover] = useDisclosure(false);
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread_count ?? 0;

  const open = (n: AppNotification) => {
    if (!n.read_at) markRead.mutate(n.id);
    const to = notificationLink(n);
    if (to) {
      popover.close();
      navigate(to);
    }
  };

  return (
    <Popover opened={opened} onChange={(o) => (o ? popover.open() : popover.close())} width={360} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={4}>
          <ActionIcon variant="subtle" color="gray" size="lg" onClick={popover.toggle} aria-label={`Notifications (${unread} unread)`}>
            <BellIcon />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Group justify="space-between" mb="xs" px="xs">
          <Text fw={600}>Notifications</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            Mark all read
          </Button>
        </Group>
        {list.isPending && <Loader size="sm" m="md" aria-label="Loading notifications" />}
        {list.isError && (
          <Text size="sm" c="red" p="xs" role="alert">
            Could not load notifications: {list.error.message}
          </Text>
        )}
        {list.data && list.data.items.length === 0 && (
          <Text size="sm" c="dimmed" p="xs">
            You are all caught up.
          </Text>
        )}
        {list.data && list.data.items.length > 0 && (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={4}>
              {list.data.items.map((n) => (
                <Item key={n.id} n={n} onOpen={open} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
