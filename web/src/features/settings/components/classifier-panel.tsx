import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useQueues } from '../api/queues';
import { z } from 'zod';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/time';
import { useClassifierInfo, useSetRouting, useTrainClassifier, type RoutingTable } from '../api/classifier';

const HEADS = ['category', 'priority', 'intent'] as const;
const PRIORITY_COLUMNS = ['urgent', 'high', 'normal', 'low'] as const;
const Metrics = z.object({ metrics: z.record(z.string(), z.object({ accuracy: z.number() }).partial()) });

function accuracies(metrics: Record<string, unknown> | null): { head: string; accuracy: number }[] {
  const parsed = Metrics.safeParse(metrics);
  if (!parsed.success) return [];
  return HEADS.flatMap((head) => {
    const a = parsed.data.metrics[head]?.accuracy;
    return a === undefined ? [] : [{ head, accuracy: a }];
  });
}

function RoutingEditor({ routing, canManage }: { routing: RoutingTable; canManage: boolean }) {
  const save = useSetRouting();
  const [table, setTable] = useState(routing);
  // The team's active queues (a route to an archived one moved with the archive).
  const queueNames = (useQueues().data ?? []).filter((q) => q.active).map((q) => q.name);
  useEffect(() => setTable(routing), [routing]);
  const changed = JSON.stringify(table) !== JSON.stringify(routing);
  const categories = Object.keys(table) as (keyof RoutingTable)[];
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Routing table" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Category \ priority</Table.Th>
              {PRIORITY_COLUMNS.map((p) => (
                <Table.Th key={p} tt="capitalize">
                  {p}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {categories.map((c) => (
              <Table.Tr key={c}>
                <Table.Td tt="capitalize" fw={500}>
                  {c}
                </Table.Td>
                {PRIORITY_COLUMNS.map((p) => (
                  <Table.Td key={p}>
                    <Select
                      aria-label={`Queue for ${c} ${p} tickets`}
                      size="xs"
                      data={[...new Set([...queueNames, table[c][p]])]}
                      value={table[c][p]}
                      onChange={(v) => v && setTable({ ...table, [c]: { ...table[c], [p]: v } })}
                      allowDeselect={false}
                      disabled={!canManage}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      {canManage && (
        <Group justify="flex-end" gap="sm">
          <Button variant="subtle" disabled={!changed} onClick={() => setTable(routing)}>
            Undo changes
          </Button>
          <Button disabled={!changed} loading={save.isPending} onClick={() => save.mutate(table, { onSuccess: () => notifications.show({ color: 'teal', message: 'Routing saved.' }) })}>
            Save routing
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function ClassifierPanel({ canManage }: { canManage: boolean }) {
  const info = useClassifierInfo();
  const train = useTrainClassifier();
  if (info.isPending) return <LoadingState label="Loading the classifier…" />;
  if (info.isError) return <ErrorState error={info.error} onRetry={() => void info.refetch()} />;
  const d = info.data;
  const acc = accuracies(d.metrics);
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="model-title">
        <Group justify="space-between" align="flex-start" mb="sm">
          <Stack gap={2}>
            <Title order={2} size="h4" id="model-title">
              Classifier model
            </Title>
            <Group gap="xs">
              <Text size="sm">
                Version <b>{d.version}</b>
              </Text>
              <Badge variant="light" color={d.source === 'retrained' ? 'grape' : 'gray'} tt="none">
                {d.source}
              </Badge>
              {d.trained_at && (
                <Text size="sm" c="dimmed">
                  trained {formatDateTime(d.trained_at)}
                </Text>
              )}
            </Group>
          </Stack>
          {canManage && (
            <Stack gap={4} align="flex-end">
              <Button
                variant="light"
                loading={train.isPending}
                onClick={() => train.mutate(undefined, { onSuccess: () => notifications.show({ color: 'teal', message: 'Retraining queued: the new model is used only if it is not worse.' }) })}
              >
                Retrain with corrections
              </Button>
              {train.isError && (
                <Text size="xs" c="red" role="alert">
                  {errorMessage(train.error)}
                </Text>
              )}
            </Stack>
          )}
        </Group>
        {acc.length > 0 ? (
          <SimpleGrid cols={{ base: 1, xs: 3 }}>
            {acc.map((a) => (
              <Paper key={a.head} bg="var(--mantine-color-default-hover)" p="sm" radius="md">
                <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                  {a.head} accuracy
                </Text>
                <Text fw={700} size="lg">
                  {(a.accuracy * 100).toFixed(1)}%
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
        ) : (
          <Text size="sm" c="dimmed">
            No held-out metrics for this model.
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="routing-title">
        <Title order={2} size="h4" id="routing-title">
          Routing
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          The queue a new ticket goes to, by its category and priority.
        </Text>
        <RoutingEditor routing={d.routing} canManage={canManage} />
      </Paper>
    </Stack>
  );
}
