import { Badge, Blockquote, Button, Group, Stack, Text } from '@mantine/core';
import { CitationLinks, type CitationLink } from '../../../components/citation-links';
import { ConfidenceBadge } from '../../../components/confidence-badge';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { useSuggestion } from '../api/suggestion';
import { suggestionReplyText } from '../classification';

export function SuggestedAnswer({
  ticketId,
  canInsert,
  onInsert,
  onOpenSource,
}: {
  ticketId: string;
  canInsert: boolean;
  onInsert: (text: string) => void;
  /** Opens a source article beside the page, so the reply being typed stays where it is. */
  onOpenSource?: (source: CitationLink) => void;
}) {
  const s = useSuggestion(ticketId, true);
  if (s.isPending) return <LoadingState label="Looking in the knowledge base…" />;
  if (s.isError) return <ErrorState error={s.error} onRetry={() => void s.refetch()} title="No suggestion" />;
  const d = s.data;
  if (!d.answer) {
    return (
      <Text size="sm" c="dimmed" data-testid="suggestion-none">
        The knowledge base has no answer for this ticket.
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="suggestion">
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <ConfidenceBadge value={d.confidence} />
          <Badge variant="outline" color="gray" tt="none">
            {d.mode === 'llm' ? 'LLM answer' : 'Extractive answer'}
          </Badge>
        </Group>
        {canInsert && (
          <Button size="xs" variant="light" onClick={() => onInsert(suggestionReplyText(d.answer!, d.citations))}>
            Insert into reply
          </Button>
        )}
      </Group>
      <Blockquote color="grape" p="sm" style={{ whiteSpace: 'pre-wrap', fontSize: 'var(--mantine-font-size-sm)' }}>
        {d.answer}
      </Blockquote>
      <CitationLinks citations={d.citations} onOpen={onOpenSource} />
    </Stack>
  );
}
