import { Alert, Button, Group, Modal, NumberInput, PasswordInput, SegmentedControl, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useSaveMailbox } from '../api/mailboxes';
import { EMPTY_MAILBOX_FORM, formErrors, mailboxRequest, mailboxToForm, toggleSecure, type MailboxForm, type MailboxView, type ProcessedAction } from '../mailbox-form';

export function MailboxDialog({ mailbox, onClose }: { mailbox: MailboxView | null; onClose: () => void }) {
  const save = useSaveMailbox();
  const editing = mailbox !== null;
  const [form, setForm] = useState<MailboxForm>(() => (mailbox ? mailboxToForm(mailbox) : EMPTY_MAILBOX_FORM));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof MailboxForm>(field: K, value: MailboxForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((errs) => {
      const rest = { ...errs };
      delete rest[field];
      return rest;
    });
  };
  const text = (field: 'name' | 'host' | 'username' | 'password' | 'folder' | 'moveTo') => ({
    value: form[field],
    error: errors[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field, e.currentTarget.value),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const request = mailboxRequest(form, editing);
    if (!request.ok) {
      setErrors(request.errors);
      return;
    }
    setErrors({});
    save.mutate(
      { id: mailbox?.id ?? null, body: request.body },
      { onSuccess: onClose, onError: (err) => err instanceof ApiError && setErrors(formErrors(err.fieldErrors)) },
    );
  };
  const unplaced = save.isError && !(save.error instanceof ApiError && Object.keys(save.error.fieldErrors).length > 0);

  return (
    <Modal opened onClose={onClose} title={editing ? `Edit mailbox: ${mailbox.name}` : 'Add an IMAP mailbox'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Name" description="Shown in Clara only, e.g. “Support inbox”." required data-autofocus {...text('name')} />
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="nowrap">
            <TextInput label="IMAP server" placeholder="imap.example.com" required style={{ flex: 3 }} {...text('host')} />
            <NumberInput label="Port" required min={1} max={65535} allowDecimal={false} hideControls style={{ flex: 1 }} value={form.port} error={errors.port} onChange={(v) => set('port', v)} />
          </Group>
          <Switch label="Use TLS (IMAPS)" description="Turn off only for a server on this machine or a trusted network." checked={form.secure} onChange={(e) => setForm(toggleSecure(form, e.currentTarget.checked))} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="User name" autoComplete="off" required {...text('username')} />
            <PasswordInput
              label="Password"
              autoComplete="new-password"
              required={!editing}
              description={editing ? 'Leave empty to keep the stored password.' : 'Stored encrypted; never shown again.'}
              placeholder={editing && mailbox.has_password ? '••••••••' : undefined}
              {...text('password')}
            />
          </SimpleGrid>
          <TextInput label="Folder to read" description="New mail is taken from this folder." required {...text('folder')} />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="mailbox-action-label">
              After Clara reads a message
            </Text>
            <SegmentedControl
              aria-labelledby="mailbox-action-label"
              value={form.action}
              onChange={(v) => set('action', v as ProcessedAction)}
              data={[
                { value: 'flag', label: 'Mark it as read (flag)' },
                { value: 'move', label: 'Move it to a folder' },
              ]}
            />
          </Stack>
          {form.action === 'move' && <TextInput label="Target folder" description="The folder must already exist on the mail server." required {...text('moveTo')} />}
          <Switch label="Enabled" description="Clara polls enabled mailboxes every minute." checked={form.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} />
          {unplaced && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? 'Save mailbox' : 'Add mailbox'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
