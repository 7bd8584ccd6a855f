import { Alert, Anchor, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PublicCreated } from '../../features/support/api/public-tickets';
import { ContactForm } from '../../features/support/components/contact-form';
import { PublicLayout } from '../../features/support/components/public-layout';
import { VoiceRecorder } from '../../features/voice/components/voice-recorder';

export function SupportPage() {
  useDocumentTitle('Contact support');
  const [created, setCreated] = useState<PublicCreated | null>(null);
  const statusPath = created ? `/support/status/${created.token}` : '';
  return (
    <PublicLayout>
      <Stack gap="lg">
        <div>
          <Title order={1}>How can we help?</Title>
          <Text c="dimmed">Tell us what is going on. You get a ticket number and a private link to follow the answer.</Text>
        </div>
        <Paper withBorder p="lg" radius="md" shadow="xs">
          {created ? (
            <Stack gap="md" data-testid="support-created">
              <Alert color="teal" variant="light" title="Thank you, we have your request">
                Your ticket number is{' '}
                <Text span fw={700} data-testid="support-ticket-number">
                  #{created.number}
                </Text>
                . We will answer by email.
              </Alert>
              <Text size="sm">
                Follow your request and reply any time at this private link (keep it to yourself):{' '}
                <Anchor component={Link} to={statusPath} data-testid="support-status-link">
                  {window.location.origin}
                  {statusPath}
                </Anchor>
              </Text>
              <Button variant="light" onClick={() => setCreated(null)} style={{ alignSelf: 'flex-start' }}>
                Send another request
              </Button>
            </Stack>
          ) : (
            <Stack gap="xl">
              <ContactForm onCreated={setCreated} />
              <VoiceRecorder onCreated={setCreated} />
            </Stack>
          )}
        </Paper>
      </Stack>
    </PublicLayout>
  );
}
