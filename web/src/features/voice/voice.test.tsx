// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendVoiceMessage, type VoiceRecording } from './api/voice';
import { formatSeconds } from './components/format-seconds';
import { VoiceTranscript } from './components/voice-transcript';

const recording: VoiceRecording = {
  ticket_id: 't1',
  state: 'transcribed',
  format: 'wav',
  mime_type: 'audio/wav',
  size_bytes: 1000,
  duration_ms: 75_400,
  model: 'pocketsphinx:domain-abc',
  transcript: 'I was charged twice. Please refund me.',
  segments: [
    { start: 0, end: 2.1, text: 'I was charged twice.' },
    { start: 62.5, end: 64, text: 'Please refund me.' },
  ],
  recording_url: '/api/voice/tickets/t1/recording',
  created_at: '2026-03-02T09:00:00Z',
  transcribed_at: '2026-03-02T09:00:05Z',
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderTranscript() {
  vi.stubGlobal('fetch', async () => new Response(JSON.stringify(recording), { status: 200 }));
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <VoiceTranscript ticketId="t1" />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('voice on the ticket page', () => {
  it('shows the transcript segments with their time stamps and a player for the recording', async () => {
    renderTranscript();
    expect(await screen.findByText('Please refund me.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Play from 1:02' })).toBeTruthy();
    expect(screen.getByLabelText('Voice message recording').getAttribute('src')).toBe('/api/voice/tickets/t1/recording');
    expect(screen.getByTestId('voice-state').textContent).toBe('Transcribed');
  });

  it('formats recording positions as minutes and seconds', () => {
    expect(formatSeconds(75.4)).toBe('1:15');
    expect(formatSeconds(0)).toBe('0:00');
  });
});

describe('sending a recorded message', () => {
  it('uploads the recording as multipart and surfaces the API error message', async () => {
    const sent: FormData[] = [];
    const fake = (async (_url: string, init: RequestInit) => {
      sent.push(init.body as FormData);
      return new Response(JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'Voice messages cannot be accepted right now.' } }), { status: 503 });
    }) as unknown as typeof fetch;
    await expect(sendVoiceMessage({ audio: new Blob(['x'], { type: 'audio/webm' }), filename: 'message.webm', email: 'c@example.com' }, fake)).rejects.toThrow(
      'Voice messages cannot be accepted right now.',
    );
    expect(sent[0]!.get('email')).toBe('c@example.com');
    expect(sent[0]!.get('audio')).toBeInstanceOf(Blob);
  });
});
