import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../../lib/api-client';
import { useDemoStatus, useRemoveDemo, type DemoRemoval } from '../api/demo';

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function removedText(r: DemoRemoval): string {
  const parts = [plural(r.tickets, 'ticket'), plural(r.users.deleted, 'staff account'), plural(r.articles.deleted, 'article')];
  const kept = [
    r.users.deactivated ? `${plural(r.users.deactivated, 'demo account')} did real work and ${r.users.deactivated === 1 ? 'was' : 'were'} deactivated instead` : '',
    r.articles.kept_edited ? `${plural(r.articles.kept_edited, 'article')} you edited stayed` : '',
  ].filter(Boolean);
  return `Removed ${parts.join(', ')}.${kept.length ? ` ${kept.join('; ')}.` : ''}`;
}

/**
 * Says that the tickets, staff and articles on screen are made up, for as long as any are left;
 * an admin removes them all in one click.
 */
export function DemoBanner({ canSee, canRemove }: { canSee: boolean; canRemove: boolean }) {
  const status = useDemoStatus(canSee);
  const remove = useRemoveDemo();
  const [confirming, confirm] = useDisclosure(false);
  if (!status.data?.present) return null;
  const s = status.data;
  const run = () =>
    remove.mutate(undefined, {
      onSuccess: (r) => {
        confirm.close();
        notifications.show({ color: 'teal', title: 'Demo data removed', message: removedText(r) });
      },
    });
  return (
    <>
      <Alert color="grape" variant="light" mb="md" data-testid="demo-banner" title="You are looking at demo data">
        <Group justify="space-between" align="center" gap="sm">
          <Text size="sm">
            {plural(s.tickets, 'ticket')}, {plural(s.users, 'staff account')} and {plural(s.articles, 'help article')} are made up to show Clara at work (tickets marked “Demo”). Remove
            them before your team starts.
          </Text>
          {canRemove && (
            <Button color="grape" variant="outline" size="xs" onClick={confirm.open}>
              Remove demo data
            </Button>
          )}
        </Group>
      </Alert>
      <Modal opened={confirming} onClose={confirm.close} title="Remove the demo data?">
        <Stack gap="sm">
          <Text size="sm">
            This deletes the {plural(s.tickets, 'demo ticket')} with their messages and history, the demo staff accounts (one that did real work is deactivated instead) and the
            demo help articles you have not edited. Your own tickets, users and articles stay.
          </Text>
          {remove.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              Keep it
            </Button>
            <Button color="red" onClick={run} loading={remove.isPending}>
              Remove demo data
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
