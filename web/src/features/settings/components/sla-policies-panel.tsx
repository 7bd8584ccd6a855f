import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/page-states';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { formatMinutes } from '../../../lib/time';
import { useAdminSlas, useCalendars, useUpdateSla, type AdminSlaRow } from '../api/slas';

function SlaModal({ sla, onClose }: { sla: AdminSlaRow; onClose: () => void }) {
  const calendars = useCalendars();
  const update = useUpdateSla();
  const [form, setForm] = useState({
    name: sla.name,
    first: sla.first_response_minutes,
    resolution: sla.resolution_minutes,
    calendar: sla.calendar?.id ?? null,
    active: sla.active,
  });
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors : {};
  const orderError = form.first > form.resolution ? 'First response must not be later than resolution.' : undefined;
  return (
    <Modal opened onClose={onClose} title={`SLA for ${sla.priority} tickets`}>
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (orderError) return;
          update.mutate(
            { id: sla.id, body: { name: form.name, first_response_minutes: form.first, resolution_minutes: form.resolution, calendar_id: form.calendar, active: form.active } },
            { onSuccess: onClose },
          );
        }}
      >
        <TextInput label="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} required error={fieldErrors.name} data-autofocus />
        <NumberInput
          label="First response within (minutes)"
          min={1}
          max={525600}
          value={form.first}
          onChange={(v) => setForm({ ...form, first: Number(v) || 0 })}
          description={formatMinutes(form.first)}
          error={orderError ?? fieldErrors.first_response_minutes}
        />
        <NumberInput
          label="Resolution within (minutes)"
          min={1}
          max={525600}
          value={form.resolution}
          onChange={(v) => setForm({ ...form, resolution: Number(v) || 0 })}
          description={formatMinutes(form.resolution)}
          error={fieldErrors.resolution_minutes}
        />
        <Select
          label="Business hours"
          placeholder="Around the clock (wall-clock time)"
          data={(calendars.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.timezone})` }))}
          value={form.calendar}
          onChange={(v) => setForm({ ...form, calendar: v })}
          clearable
          disabled={calendars.isPending}
        />
        <Switch label="Active" checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />
        {update.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(update.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!!orderError}>
            Save SLA
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function SlaPoliciesPanel({ canManage }: { canManage: boolean }) {
  const slas = useAdminSlas();
  const [editing, setEditing] = useState<AdminSlaRow | null>(null);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="sla-policies-title">
      <Title order={2} size="h4" mb={4} id="sla-policies-title">
        SLA policies
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        One per priority. Deadlines count business hours when a calendar is attached, and pause while a ticket waits on the customer.
      </Text>
      {slas.isPending ? (
        <LoadingState />
      ) : slas.isError ? (
        <ErrorState error={slas.error} onRetry={() => void slas.refetch()} />
      ) : slas.data.length === 0 ? (
        <EmptyBlock title="No SLA policies" description="Tickets get no deadlines." />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="SLA policies" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Priority</Table.Th>
                <Table.Th>Policy</Table.Th>
                <Table.Th>First response</Table.Th>
                <Table.Th>Resolution</Table.Th>
                <Table.Th>Business hours</Table.Th>
                <Table.Th>State</Table.Th>
                {canManage && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {slas.data.map((s) => (
                <Table.Tr key={s.id} data-testid="sla-row">
                  <Table.Td>
                    <Badge variant="outline" color={s.priority === 'urgent' ? 'red' : s.priority === 'high' ? 'orange' : 'gray'}>
                      {s.priority}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{formatMinutes(s.first_response_minutes)}</Table.Td>
                  <Table.Td>{formatMinutes(s.resolution_minutes)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c={s.calendar ? undefined : 'dimmed'}>
                      {s.calendar ? s.calendar.name : 'Around the clock'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={s.active ? 'teal' : 'gray'} variant="light">
                      {s.active ? 'active' : 'inactive'}
                    </Badge>
                  </Table.Td>
                  {canManage && (
                    <Table.Td ta="right">
                      <Button size="compact-sm" variant="subtle" onClick={() => setEditing(s)} aria-label={`Edit the ${s.priority} SLA`}>
                        Edit
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <SlaModal sla={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
