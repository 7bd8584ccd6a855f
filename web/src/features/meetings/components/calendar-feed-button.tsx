import { Alert, Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { errorMessage } from '../../../lib/api-client';
import { useRevokeCalendarToken, useRotateCalendarToken } from '../api/meetings';

/** The personal calendar-feed URL: created (or replaced) and shown once, or revoked. */
export function CalendarFeedButton() {
  const [opened, modal] = useDisclosure(false);
  const rotate = useRotateCalendarToken();
  const revoke = useRevokeCalendarToken();
  const close = () => {
    rotate.reset();
    revoke.reset();
    modal.close();
  };
  return (
    <>
      <Button variant="default" onClick={modal.open}>
        Calendar feed
      </Button>
      <Modal opened={opened} onClose={close} title="Subscribe from your calendar app">
        <Stack gap="sm">
          <Text size="sm">
            A private address that Google Calendar, Outlook or Apple Calendar can subscribe to. Anyone with it sees your meetings, so keep it to yourself. Creating a new
            one stops the old one.
          </Text>
          {rotate.data && (
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput label="Your feed URL (shown once)" readOnly value={rotate.data.url} style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} data-testid="feed-url" />
              <CopyButton value={rotate.data.url}>{({ copied, copy }) => <Button onClick={copy} variant="light">{copied ? 'Copied' : 'Copy'}</Button>}</CopyButton>
            </Group>
          )}
          {revoke.isSuccess && (
            <Alert color="teal" variant="light">
              Your feed URL was revoked; calendar apps can no longer read it.
            </Alert>
          )}
          {(rotate.isError || revoke.isError) && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(rotate.error ?? revoke.error)}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="subtle" color="red" onClick={() => {
                rotate.reset();
                revoke.mutate();
              }} loading={revoke.isPending}>
              Revoke my feed
            </Button>
            <Button onClick={() => {
                revoke.reset();
                rotate.mutate();
              }} loading={rotate.isPending}>
              {rotate.data ? 'Create a new URL' : 'Create feed URL'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
