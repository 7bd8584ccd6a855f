import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Password } from '@shared/modules/users/users.schema';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useAcceptInvitation } from '../api/invitation';

/** Sets the invited user's password; the server's own password rule checks it first. */
export function AcceptInvitationForm({ token, email, onDone }: { token: string; email: string; onDone: () => void }) {
  const accept = useAcceptInvitation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = Password.safeParse(password);
    if (!parsed.success) return setError(`Password ${parsed.error.issues[0]!.message}.`);
    if (password !== repeat) return setError('The two passwords differ.');
    setError(null);
    accept.mutate({ token, password }, { onSuccess: onDone, onError: (err) => setError(err instanceof ApiError ? err.message : errorMessage(err)) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Set your password">
      <Stack gap="md">
        <Text size="sm">
          Your login is <b>{email}</b>.
        </Text>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <PasswordInput label="New password" description="At least 10 characters." autoComplete="new-password" required autoFocus value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
        <PasswordInput label="Repeat the password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} />
        <Button type="submit" loading={accept.isPending} disabled={!password || !repeat} fullWidth>
          Set password
        </Button>
      </Stack>
    </form>
  );
}
