import { Alert, Button, Group, Select, Stack, TagsInput } from '@mantine/core';
import { CATEGORIES, PRIORITIES, STATUSES } from '@shared/modules/tickets/ticket-fields';
import type { UpdateTicketBody } from '@shared/modules/tickets/tickets.schema';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useCloseTicket, useUpdateTicket } from '../api/update-ticket';
import type { Ticket } from '../api/types';
import type { Option } from './ticket-filters';

interface Props {
  ticket: Ticket;
  assignees: Option[];
  queues: Option[];
  selfId: string;
  canWrite: boolean;
  canAssignOthers: boolean;
  canClose: boolean;
}

const label = (v: string) => v[0]!.toUpperCase() + v.slice(1);
const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: label(v) }));

export function TicketProperties({ ticket, assignees, queues, selfId, canWrite, canAssignOthers, canClose }: Props) {
  const update = useUpdateTicket(ticket.id);
  const close = useCloseTicket(ticket.id);
  const change = (body: UpdateTicketBody) => {
    close.reset();
    update.mutate(body);
  };
  const failed = update.error ?? close.error;
  // An agent without tickets:assign may only take an unassigned ticket or give back their own.
  const assigneeData = canAssignOthers
    ? assignees
    : [...(ticket.assignee ? [{ value: ticket.assignee.id, label: ticket.assignee.name }] : []), ...(ticket.assignee ? [] : [{ value: selfId, label: 'Me' }])];
  const busy = update.isPending || close.isPending;

  return (
    <Stack gap="sm">
      {failed && (
        <Alert color="red" variant="light" role="alert" title={failed instanceof ApiError && failed.code === 'ILLEGAL_TRANSITION' ? 'Status change refused' : 'Change refused'} withCloseButton onClose={() => { update.reset(); close.reset(); }}>
          {errorMessage(failed)}
        </Alert>
      )}
      <Select label="Status" data={options(STATUSES)} value={ticket.status} onChange={(v) => v && v !== ticket.status && change({ status: v as Ticket['status'] })} allowDeselect={false} disabled={!canWrite || busy} />
      <Select label="Priority" data={options(PRIORITIES)} value={ticket.priority} onChange={(v) => v && v !== ticket.priority && change({ priority: v as Ticket['priority'] })} allowDeselect={false} disabled={!canWrite || busy} />
      <Select label="Category" data={options(CATEGORIES)} value={ticket.category} onChange={(v) => v && v !== ticket.category && change({ category: v as Ticket['category'] })} allowDeselect={false} disabled={!canWrite || busy} />
      <Select
        label="Assignee"
        placeholder="Unassigned"
        data={assigneeData}
        value={ticket.assignee?.id ?? null}
        onChange={(v) => (v ?? null) !== (ticket.assignee?.id ?? null) && change({ assignee_id: v ?? null })}
        clearable
        searchable
        nothingFoundMessage="No one found"
        disabled={!canWrite || busy}
      />
      <Select label="Queue" data={queues} value={ticket.queue.id} onChange={(v) => v && v !== ticket.queue.id && change({ queue_id: v })} allowDeselect={false} disabled={!canWrite || busy} />
      <TagsInput
        label="Tags"
        placeholder={canWrite ? 'Add a tag and press Enter' : undefined}
        value={ticket.tags}
        onChange={(tags) => change({ tags })}
        disabled={!canWrite || busy}
        clearable
      />
      <Group gap="xs">
        {canWrite && !ticket.assignee && ticket.status !== 'closed' && (
          <Button size="xs" variant="light" onClick={() => change({ assignee_id: selfId })} disabled={busy}>
            Assign to me
          </Button>
        )}
        {canClose && ticket.status !== 'closed' && (
          <Button size="xs" variant="default" onClick={() => { update.reset(); close.mutate(); }} loading={close.isPending} disabled={busy}>
            Close ticket
          </Button>
        )}
      </Group>
    </Stack>
  );
}
