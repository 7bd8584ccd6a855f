import { Alert, Anchor, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoadingState } from '../../components/page-states';
import { useMe } from '../../features/auth/api/me';
import { LoginForm } from '../../features/auth/components/login-form';
import { Logo } from '../shell';

// Only same-app paths: never send a user to another site after login.
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  useDocumentTitle('Log in · Clara');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const next = safeNext(params.get('next'));
  if (me.isPending) return <LoadingState />;
  if (me.data) return <Navigate to={next} replace />;
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Stack w={380} gap="lg">
        <Center>
          <Logo />
        </Center>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Title order={1} size="h3" mb={4}>
            Log in
          </Title>
          <Text size="sm" c="dimmed" mb="lg">
            Staff login for the Clara helpdesk.
          </Text>
          {params.get('invited') && (
            <Alert color="teal" variant="light" mb="md">
              Your password is set. Log in with it now.
            </Alert>
          )}
          <LoginForm onLoggedIn={() => navigate(next, { replace: true })} />
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          Looking for help as a customer?{' '}
          <Anchor component={Link} to="/support" size="xs">
            Contact support
          </Anchor>
        </Text>
      </Stack>
    </Center>
  );
}
