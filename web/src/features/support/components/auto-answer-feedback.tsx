import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useAutoAnswerFeedback, type PublicTicket } from '../api/public-tickets';

/** Asks the customer whether Clara's automatic answer solved it; "no" hands the ticket to the team. */
export function AutoAnswerFeedback({ token, ticket }: { token: string; ticket: PublicTicket }) {
  const feedback = useAutoAnswerFeedback(token);
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const state = ticket.auto_answer?.state;
  if (!state) return null;
  if (state === 'helped')
    return (
      <Text size="sm" c="dimmed" data-testid="auto-answer-feedback-done">
        Thanks for letting us know the answer helped.
      </Text>
    );
  if (state === 'did_not_help')
    return (
      <Text size="sm" c="dimmed" data-testid="auto-answer-feedback-done">
        A person from our team is taking over and will answer you here and by email.
      </Text>
    );
  return (
    <Paper withBorder p="md" radius="md" data-testid="auto-answer-feedback">
      <Stack gap="xs">
        <Text fw={600}>Did Clara&apos;s answer solve your problem?</Text>
        {feedback.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(feedback.error)}
          </Alert>
        )}
        {asking ? (
          <>
            <Textarea
              label="What is still not working? (optional)"
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Group>
              <Button loading={feedback.isPending} onClick={() => feedback.mutate({ helped: false, comment: comment.trim() || undefined })}>
                Send to the support team
              </Button>
              <Button variant="subtle" onClick={() => setAsking(false)} disabled={feedback.isPending}>
                Back
              </Button>
            </Group>
          </>
        ) : (
          <Group>
            <Button variant="light" color="green" loading={feedback.isPending} onClick={() => feedback.mutate({ helped: true })}>
              Yes, this solved it
            </Button>
            <Button variant="light" color="red" onClick={() => setAsking(true)}>
              No, this did not help
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
