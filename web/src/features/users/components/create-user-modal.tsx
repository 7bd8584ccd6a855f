import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '@shared/core/rbac';
import { CreateUserBody } from '@shared/modules/users/users.schema';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useCreateUser, useInviteUser, type CreatedInvitation } from '../api/change-user';
import type { CreatedUser } from '../api/types';
import { SecretOnce } from './secret-once';

const EMPTY = { email: '', name: '', role: 'agent' as Role, password: '', invite: false };

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateUser();
  const inviteUser = useInviteUser();
  const [invitation, setInvitation] = useState<CreatedInvitation | null>(null);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedUser | null>(null);

  const close = () => {
    setForm(EMPTY);
    setErrors({});
    setCreated(null);
    setInvitation(null);
    create.reset();
    inviteUser.reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The server's own schema checks the form first, so the messages match what the API would say.
    const parsed = CreateUserBody.safeParse({ ...form, password: form.invite ? undefined : form.password || undefined, invite: form.invite || undefined });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: (user) => {
        setCreated(user);
        if (form.invite) inviteUser.mutate(user.id, { onSuccess: setInvitation });
      },
      onError: (err) => err instanceof ApiError && setErrors(err.fieldErrors),
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={created ? 'User created' : 'Create a user'}>
      {created ? (
        <Stack>
          <Alert color="teal" variant="light">
            {form.invite
              ? `${created.name} (${created.email}) was created as ${created.role} and sets a password from the invitation.`
              : `${created.name} (${created.email}) can now log in as ${created.role}.`}
          </Alert>
          {inviteUser.isPending && <Alert variant="light">Sending the invitation…</Alert>}
          {inviteUser.isError && (
            <Alert color="red" variant="light" role="alert">
              The invitation failed: {errorMessage(inviteUser.error)}. Send it again from the users table.
            </Alert>
          )}
          {invitation && (
            <>
              <Alert variant="light" color={invitation.emailed ? 'teal' : 'yellow'}>
                {invitation.emailed
                  ? `An invitation email is on its way to ${created.email}. The link works once, for 7 days.`
                  : 'No SMTP server is configured, so the email waits in the outbox: share this link with them yourself.'}
              </Alert>
              <SecretOnce label="Invitation link" value={invitation.invite_url} testId="invite-url" />
            </>
          )}
          {created.generated_password && <SecretOnce label="Generated password" value={created.generated_password} testId="generated-password" />}
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {create.isError && !Object.keys(errors).length && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(create.error)}
              </Alert>
            )}
            <TextInput label="Email" type="email" required data-autofocus value={form.email} error={errors.email} onChange={(e) => setForm({ ...form, email: e.currentTarget.value })} />
            <TextInput label="Name" required value={form.name} error={errors.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
            <Select label="Role" data={[...ROLES]} value={form.role} allowDeselect={false} error={errors.role} onChange={(v) => setForm({ ...form, role: (v ?? 'agent') as Role })} />
            <Switch
              label="Send an invitation email"
              description="They choose their own password from a one-time link."
              checked={form.invite}
              onChange={(e) => setForm({ ...form, invite: e.currentTarget.checked })}
            />
            {!form.invite && (
              <PasswordInput
                label="Password"
                description="Leave empty to generate one (shown once)."
                value={form.password}
                error={errors.password}
                onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
              />
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create user
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
