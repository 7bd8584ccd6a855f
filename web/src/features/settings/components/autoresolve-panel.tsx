import { Alert, Badge, Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { AUTO_RESOLVE_MIN } from '@shared/modules/kb/autoresolve-settings.schema';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { useAutoResolve, useSetAutoResolve } from '../api/classifier';

export function AutoResolvePanel({ canManage }: { canManage: boolean }) {
  const current = useAutoResolve();
  const save = useSetAutoResolve();
  const [value, setValue] = useState<number | string>('');
  useEffect(() => {
    if (current.data) setValue(current.data.threshold);
  }, [current.data]);

  const n = typeof value === 'number' ? value : Number.NaN;
  const error = !Number.isFinite(n) ? 'Enter a number' : n < AUTO_RESOLVE_MIN || n > 1 ? `Between ${AUTO_RESOLVE_MIN} and 1` : undefined;
  const done = { onSuccess: () => notifications.show({ color: 'teal', message: 'Auto-resolve threshold saved.' }) };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="autoresolve-title">
      <Title order={2} size="h4" id="autoresolve-title">
        Auto-resolve
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Clara answers and resolves a new (non-urgent) ticket by itself when its answer confidence reaches this bar; below it, agents get the answer as a suggestion.
        Higher means fewer but safer automatic answers.
      </Text>
      {current.isPending ? (
        <LoadingState />
      ) : current.isError ? (
        <ErrorState error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <NumberInput
              label="Confidence threshold"
              min={AUTO_RESOLVE_MIN}
              max={1}
              step={0.01}
              decimalScale={2}
              value={value}
              onChange={setValue}
              error={error}
              disabled={!canManage}
              w={200}
            />
            {canManage && (
              <>
                <Button disabled={!!error || n === current.data.threshold} loading={save.isPending} onClick={() => save.mutate(n, done)}>
                  Save threshold
                </Button>
                {current.data.source === 'setting' && (
                  <Button variant="subtle" disabled={save.isPending} onClick={() => save.mutate(null, done)}>
                    Back to the default ({current.data.default_threshold})
                  </Button>
                )}
              </>
            )}
          </Group>
          <Group gap="xs">
            <Badge variant="light" color={current.data.source === 'setting' ? 'indigo' : 'gray'} tt="none" data-testid="autoresolve-source">
              {current.data.source === 'setting' ? 'Set by an admin' : 'Server default (CLARA_AUTORESOLVE_THRESHOLD)'}
            </Badge>
          </Group>
          {save.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(save.error)}
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  );
}
