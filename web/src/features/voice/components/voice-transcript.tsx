import { Alert, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { ErrorState, LoadingState } from '../../../components/page-states';
import { useVoiceRecording } from '../api/voice';
import { formatSeconds } from './format-seconds';

const STATE = {
  transcribing: { label: 'Transcribing…', color: 'blue' },
  transcribed: { label: 'Transcribed', color: 'teal' },
  failed: { label: 'Transcription failed', color: 'red' },
} as const;

/**
 * The recording with a player and its transcript; a segment's time stamp plays from there.
 * `onTranscribed` lets the page reload the ticket once its text, labels and queue are known.
 */
export function VoiceTranscript({ ticketId, onTranscribed }: { ticketId: string; onTranscribed?: () => void }) {
  const recording = useVoiceRecording(ticketId);
  const player = useRef<HTMLAudioElement>(null);
  const previous = useRef<string | undefined>(undefined);
  const state = recording.data?.state;
  useEffect(() => {
    if (previous.current === 'transcribing' && state && state !== 'transcribing') onTranscribed?.();
    previous.current = state;
  }, [state, onTranscribed]);
  if (recording.isPending) return <LoadingState label="Loading the recording…" />;
  if (recording.isError) return <ErrorState error={recording.error} onRetry={() => void recording.refetch()} />;
  const r = recording.data;
  const badge = STATE[r.state];
  const playFrom = (seconds: number) => {
    if (!player.current) return;
    player.current.currentTime = seconds;
    void player.current.play();
  };
  return (
    <Stack gap="sm" data-testid="voice-transcript">
      <Group gap="xs">
        <Badge color={badge.color} variant="light" data-testid="voice-state">
          {badge.label}
        </Badge>
        <Text size="xs" c="dimmed">
          {formatSeconds(r.duration_ms / 1000)} · {r.format.toUpperCase()}
          {r.model ? ` · ${r.model}` : ''}
        </Text>
      </Group>
      {/* The timestamped transcript below is the recording's text alternative. */}
      {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
      <audio ref={player} controls preload="metadata" src={r.recording_url} style={{ width: '100%' }} aria-label="Voice message recording" />
      {r.state === 'transcribing' && <Text size="sm" c="dimmed">The transcript appears here when it is ready.</Text>}
      {r.state === 'failed' && (
        <Alert color="red" variant="light">
          The recording could not be transcribed automatically. Listen to it above.
        </Alert>
      )}
      {r.state === 'transcribed' && r.segments.length === 0 && <Text size="sm" c="dimmed">No speech was recognised in this recording.</Text>}
      {r.segments.length > 0 && (
        <Stack gap={4} role="list" aria-label="Transcript">
          {r.segments.map((s, i) => (
            <Group key={i} gap="xs" align="flex-start" wrap="nowrap" role="listitem">
              <UnstyledButton onClick={() => playFrom(s.start)} aria-label={`Play from ${formatSeconds(s.start)}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
                <Text size="xs" c="indigo" ff="monospace">
                  {formatSeconds(s.start)}
                </Text>
              </UnstyledButton>
              <Text size="sm">{s.text}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
