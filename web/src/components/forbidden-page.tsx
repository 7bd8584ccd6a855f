import { Button, Code, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Permission } from '@shared/core/rbac';
import type { Role } from '@shared/core/rbac';

export function ForbiddenPage({ permission, role }: { permission: Permission; role: Role }) {
  useDocumentTitle('403 · Clara');
  return (
    <Container size="sm" py={64} data-testid="forbidden-page">
      <Stack gap="md" align="flex-start">
        <Text c="red" fw={700} size="xl">
          403
        </Text>
        <Title order={1} size="h2">
          You do not have access to this page
        </Title>
        <Text c="dimmed">
          It needs the <Code>{permission}</Code> permission, which your role (<b>{role}</b>) does not have. Ask an admin if you need it.
        </Text>
        <Button component={Link} to="/" variant="light">
          Back to the dashboard
        </Button>
      </Stack>
    </Container>
  );
}
