import { Alert, Badge, Group, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { CATEGORIES, PRIORITIES, type Category, type Priority } from '@shared/modules/tickets/ticket-fields';
import { ConfidenceBadge } from '../../../components/confidence-badge';
import { errorMessage } from '../../../lib/api-client';
import type { Ticket } from '../api/types';
import { useUpdateTicket } from '../api/update-ticket';
import { readClassification } from '../classification';

const label = (v: string) => v[0]!.toUpperCase() + v.slice(1);

// The classifier's labels with their confidences; one click on another label corrects it, and the
// correction (a history row by a person) is what the classifier learns from on its next retraining.
export function ClassificationPanel({ ticket, canWrite }: { ticket: Ticket; canWrite: boolean }) {
  const update = useUpdateTicket(ticket.id);
  const c = readClassification(ticket.metadata);
  const correct = (body: { category: Category } | { priority: Priority }) => update.mutate({ ...body, comment: 'Classifier correction' });

  return (
    <Stack gap="sm">
      {c ? (
        <Group gap={6} aria-label="Classifier confidence at intake">
          <Text size="xs" c="dimmed" w="100%">
            Classifier confidence at intake
          </Text>
          {c.confidence.category !== undefined && <ConfidenceBadge label="Category" value={c.confidence.category} testId="confidence-category" />}
          {c.confidence.priority !== undefined && <ConfidenceBadge label="Priority" value={c.confidence.priority} />}
          {c.confidence.intent !== undefined && ticket.intent && <ConfidenceBadge label="Intent" value={c.confidence.intent} />}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          Not classified automatically: the labels were set when the ticket was created.
        </Text>
      )}
      {ticket.intent && (
        <Text size="sm">
          Intent: <b>{ticket.intent.replace(/_/g, ' ')}</b>
        </Text>
      )}
      {update.isError && (
        <Alert color="red" variant="light" role="alert" p="xs" withCloseButton onClose={() => update.reset()}>
          {errorMessage(update.error)}
        </Alert>
      )}
      <Stack gap={4}>
        <Text size="xs" fw={600} id="classify-category-label">
          Category
        </Text>
        <SegmentedControl
          aria-labelledby="classify-category-label"
          size="xs"
          fullWidth
          value={ticket.category}
          onChange={(v) => v !== ticket.category && correct({ category: v as Category })}
          data={CATEGORIES.map((v) => ({ value: v, label: label(v) }))}
          disabled={!canWrite || update.isPending}
          data-testid="correct-category"
        />
        <Text size="xs" fw={600} id="classify-priority-label" mt={4}>
          Priority
        </Text>
        <SegmentedControl
          aria-labelledby="classify-priority-label"
          size="xs"
          fullWidth
          value={ticket.priority}
          onChange={(v) => v !== ticket.priority && correct({ priority: v as Priority })}
          data={PRIORITIES.map((v) => ({ value: v, label: label(v) }))}
          disabled={!canWrite || update.isPending}
        />
      </Stack>
      {c && (c.modelVersion || c.topTerms.length > 0 || c.ruleReason) && (
        <Group gap={4}>
          {c.ruleReason && (
            <Tooltip label={c.ruleReason}>
              <Badge size="xs" color="orange" variant="light" tt="none">
                urgency rule
              </Badge>
            </Tooltip>
          )}
          {c.topTerms.slice(0, 5).map((t) => (
            <Badge key={t} size="xs" variant="default" tt="none">
              {t}
            </Badge>
          ))}
          {c.modelVersion && (
            <Text size="xs" c="dimmed">
              model {c.modelVersion}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
