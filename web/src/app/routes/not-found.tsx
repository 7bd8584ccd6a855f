import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link } from 'react-router';

export function NotFoundPage() {
  useDocumentTitle('Not found · Clara');
  return (
    <Container size="sm" py={64}>
      <Stack gap="md" align="flex-start">
        <Text c="dimmed" fw={700} size="xl">
          404
        </Text>
        <Title order={1} size="h2">
          This page does not exist
        </Title>
        <Button component={Link} to="/" variant="light">
          Back to the dashboard
        </Button>
      </Stack>
    </Container>
  );
}
