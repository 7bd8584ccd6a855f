import { Anchor, Box, Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-light)">
      <Box component="header" bg="var(--mantine-color-body)" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Container size="md" py="sm">
          <Group justify="space-between">
            <Anchor component={Link} to="/support" underline="never" c="var(--mantine-color-text)">
              <Group gap={8}>
                <img src="/favicon.svg" alt="" width={26} height={26} />
                <Text fw={700} size="lg">
                  Clara Support
                </Text>
              </Group>
            </Anchor>
          </Group>
        </Container>
      </Box>
      <Container size="md" py="xl" component="main">
        {children}
      </Container>
    </Box>
  );
}
