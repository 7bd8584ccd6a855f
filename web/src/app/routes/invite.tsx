import { Alert, Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/page-states';
import { useInvitation } from '../../features/auth/api/invitation';
import { AcceptInvitationForm } from '../../features/auth/components/accept-invitation-form';
import { ApiError } from '../../lib/api-client';
import { Logo } from '../shell';

export function InvitePage() {
  useDocumentTitle('Set your password · Clara');
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const invitation = useInvitation(token);
  const gone = invitation.error instanceof ApiError && invitation.error.status === 404;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Stack w={400} gap="lg">
        <Center>
          <Logo />
        </Center>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Title order={1} size="h3" mb="md">
            {invitation.data ? `Welcome, ${invitation.data.name}` : 'Set your password'}
          </Title>
          {invitation.isPending && <LoadingState />}
          {gone && (
            <Alert color="yellow" variant="light" title="This link no longer works">
              {invitation.error?.message}
            </Alert>
          )}
          {invitation.isError && !gone && <ErrorState error={invitation.error} onRetry={() => void invitation.refetch()} />}
          {invitation.data && (
            <AcceptInvitationForm token={token} email={invitation.data.email} onDone={() => navigate('/login?invited=1', { replace: true })} />
          )}
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          Already have a password?{' '}
          <Anchor component={Link} to="/login" size="xs">
            Log in
          </Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
