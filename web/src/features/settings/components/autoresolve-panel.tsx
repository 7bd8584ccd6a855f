import { Alert, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import {
  AUTO_RESOLVE_MIN,
  AUTO_RESOLVE_PRIORITIES,
  type AutoAnswerMode,
  type AutoResolvePriority,
  type PutAutoResolveBody,
} from '@shared/modules/kb/autoresolve-settings.schema';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { useAutoResolve, useAutoResolvePreview, useSetAutoResolve } from '../api/classifier';

const MODES: { value: AutoAnswerMode; label: string; description: string }[] = [
  { value: 'off', label: 'Off', description: 'Clara does not answer new tickets; agents can still ask for a suggestion on a ticket.' },
  { value: 'suggest', label: 'Suggest only', description: 'Clara drafts an answer for the agent; customers hear only from people.' },
  {
    value: 'auto_resolve',
    label: 'Auto-resolve',
    description: 'Clara answers and resolves a new ticket by itself when sure (confidence at the threshold, priority at most the limit, never urgent); otherwise agents get the answer as a suggestion.',
  },
];
const PRIORITY_LABEL: Record<AutoResolvePriority, string> = { low: 'Low only', normal: 'Normal and low', high: 'High, normal and low' };

function AutoResolvePreviewLine({ threshold, maxPriority }: { threshold: number | undefined; maxPriority: AutoResolvePriority }) {
  const [debounced] = useDebouncedValue(threshold, 400);
  const preview = useAutoResolvePreview(debounced, maxPriority);
  if (debounced === undefined) return null;
  if (preview.isPending) return <Text size="sm" c="dimmed">Checking the last 30 days…</Text>;
  if (preview.isError) return <Text size="sm" c="red">{errorMessage(preview.error)}</Text>;
  const p = preview.data;
  return (
    <Text size="sm" data-testid="autoresolve-preview">
      At {p.threshold} for {PRIORITY_LABEL[p.max_priority].toLowerCase()} priority, <b>{p.would_resolve}</b> of the last {p.days} days&apos; {p.tickets} tickets would have
      been resolved by Clara ({p.answered} had an answer on record); <b>{p.reopened}</b> of them came back after Clara&apos;s answer. Clara actually resolved{' '}
      {p.auto_resolved}.
    </Text>
  );
}

export function AutoResolvePanel({ canManage }: { canManage: boolean }) {
  const current = useAutoResolve();
  const save = useSetAutoResolve();
  const [value, setValue] = useState<number | string>('');
  useEffect(() => {
    if (current.data) setValue(current.data.threshold);
  }, [current.data]);

  const n = typeof value === 'number' ? value : Number.NaN;
  const error = !Number.isFinite(n) ? 'Enter a number' : n < AUTO_RESOLVE_MIN || n > 1 ? `Between ${AUTO_RESOLVE_MIN} and 1` : undefined;
  const change = (body: PutAutoResolveBody, message: string) => save.mutate(body, { onSuccess: () => notifications.show({ color: 'teal', message }) });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="autoresolve-title">
      <Title order={2} size="h4" id="autoresolve-title">
        Automatic answers
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        What Clara does with a new ticket&apos;s knowledge-base answer. A customer who writes back or says the answer did not help reopens the ticket for the team.
      </Text>
      {current.isPending ? (
        <LoadingState />
      ) : current.isError ? (
        <ErrorState error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Auto-answer mode"
            value={current.data.mode}
            data={MODES.map((m) => ({ value: m.value, label: m.label }))}
            disabled={!canManage || save.isPending}
            onChange={(v) => change({ mode: v as AutoAnswerMode }, 'Auto-answer mode saved.')}
            style={{ alignSelf: 'flex-start' }}
          />
          <Text size="sm" data-testid="autoresolve-mode-description">
            {MODES.find((m) => m.value === current.data.mode)?.description}
          </Text>
          {current.data.mode === 'auto_resolve' && (
            <>
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
                    <Button disabled={!!error || n === current.data.threshold} loading={save.isPending} onClick={() => change({ threshold: n }, 'Auto-resolve threshold saved.')}>
                      Save threshold
                    </Button>
                    {current.data.source === 'setting' && (
                      <Button variant="subtle" disabled={save.isPending} onClick={() => change({ threshold: null }, 'Auto-resolve threshold saved.')}>
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
              <Select
                label="Highest priority Clara may resolve"
                description="Urgent tickets always go to a person."
                data={AUTO_RESOLVE_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABEL[p] }))}
                value={current.data.max_priority}
                onChange={(v) => v && change({ max_priority: v as AutoResolvePriority }, 'Priority limit saved.')}
                allowDeselect={false}
                disabled={!canManage || save.isPending}
                w={260}
              />
              <AutoResolvePreviewLine threshold={error ? undefined : n} maxPriority={current.data.max_priority} />
            </>
          )}
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
