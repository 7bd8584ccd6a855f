import { Alert, Badge, Button, Group, Modal, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/page-states';
import { errorMessage } from '../../../lib/api-client';
import { useDeleteRule, useEscalationRules, useSaveRule, type EscalationRule } from '../api/escalation-rules';
import { NEW_RULE, RuleEditor } from './rule-editor';

const actionTypes = (r: EscalationRule) => r.actions.map((a) => (a && typeof a === 'object' && 'type' in a ? String(a.type) : '?'));

function EnabledSwitch({ rule, disabled }: { rule: EscalationRule; disabled: boolean }) {
  const save = useSaveRule();
  return (
    <Switch
      aria-label={`${rule.name} enabled`}
      checked={save.isPending ? !rule.enabled : rule.enabled}
      onChange={(e) => save.mutate({ id: rule.id, body: { enabled: e.currentTarget.checked } })}
      disabled={disabled || save.isPending}
      error={save.isError ? errorMessage(save.error) : undefined}
    />
  );
}

export function RulesPanel({ canManage }: { canManage: boolean }) {
  const rules = useEscalationRules();
  const remove = useDeleteRule();
  const [editing, setEditing] = useState<EscalationRule | null>(null);
  const [deleting, setDeleting] = useState<EscalationRule | null>(null);

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="rules-title">
      <Group justify="space-between" mb="sm" align="flex-start">
        <Stack gap={0}>
          <Title order={2} size="h4" id="rules-title">
            Escalation rules
          </Title>
          <Text size="sm" c="dimmed">
            Checked on every new ticket, customer message and SLA check, in position order. A rule fires once per cause and ticket.
          </Text>
        </Stack>
        {canManage && (
          <Button variant="light" onClick={() => setEditing(NEW_RULE)}>
            New rule
          </Button>
        )}
      </Group>
      {rules.isPending ? (
        <LoadingState label="Loading rules…" />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.length === 0 ? (
        <EmptyBlock title="No escalation rules" description="Nothing escalates automatically; agents can still escalate by hand." />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label="Escalation rules" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>On</Table.Th>
                <Table.Th>Rule</Table.Th>
                <Table.Th w={80}>Position</Table.Th>
                <Table.Th>Actions</Table.Th>
                {canManage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rules.data.map((r) => (
                <Table.Tr key={r.id} data-testid="rule-row">
                  <Table.Td>
                    <EnabledSwitch rule={r} disabled={!canManage} />
                  </Table.Td>
                  <Table.Td maw={420}>
                    <Text size="sm" fw={500} c={r.enabled ? undefined : 'dimmed'}>
                      {r.name}
                      {r.enabled ? '' : ' (off)'}
                    </Text>
                    {r.description && (
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {r.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.position}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {actionTypes(r).map((t, i) => (
                        <Badge key={`${t}${i}`} size="xs" variant="default" tt="none">
                          {t.replace(/_/g, ' ')}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="compact-sm" variant="subtle" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>
                          Edit
                        </Button>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => { remove.reset(); setDeleting(r); }} aria-label={`Delete ${r.name}`}>
                          Delete
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <RuleEditor key={editing.id || 'new'} rule={editing} onClose={() => setEditing(null)} />}
      <Modal opened={!!deleting} onClose={() => setDeleting(null)} title={`Delete the rule “${deleting?.name ?? ''}”?`}>
        <Stack>
          <Text size="sm">Tickets already escalated by it stay escalated. To pause a rule instead, switch it off.</Text>
          {remove.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)} data-autofocus>
              Keep it
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}>
              Delete rule
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
