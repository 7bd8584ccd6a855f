import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';

/** A password or token the server shows only once. */
export function SecretOnce({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Alert color="yellow" variant="light" title={`${label}: copy it now`}>
      <Stack gap="xs">
        <Text size="sm">It is shown only this once; Clara stores only a hash.</Text>
        <Group gap="xs" wrap="nowrap">
          <Code fz="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
            {value}
          </Code>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Button size="xs" variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
