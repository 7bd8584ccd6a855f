import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useSendVoiceMessage, type VoiceTicketCreated } from '../api/voice';
import { formatSeconds } from './format-seconds';

const MAX_SECONDS = 300;

// Clara reads WebM and Ogg (Opus); Safari records only MP4, which it then cannot take.
const RECORDING_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus'];

function recordingType(): string | null {
  if (typeof window === 'undefined' || typeof window.MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) return null;
  return RECORDING_TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

/** "Record a message": the browser records (WebM/Opus or Ogg), Clara transcribes it into a ticket. */
export function VoiceRecorder({ onCreated }: { onCreated: (created: VoiceTicketCreated) => void }) {
  const send = useSendVoiceMessage();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [clip, setClip] = useState<{ blob: Blob; url: string } | null>(null);
  const [recording, setRecording] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const timer = useRef<number | null>(null);

  useEffect(() => () => {
    if (timer.current) window.clearInterval(timer.current);
    recorder.current?.stream.getTracks().forEach((t) => t.stop());
  }, []);
  useEffect(() => () => { if (clip) URL.revokeObjectURL(clip.url); }, [clip]);

  const stop = () => {
    if (timer.current) window.clearInterval(timer.current);
    recorder.current?.stop();
    setRecording(false);
  };

  const start = async () => {
    setProblem(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      const chunks: Blob[] = [];
      const r = new MediaRecorder(stream, { mimeType: recordingType() ?? undefined });
      r.ondataavailable = (e) => chunks.push(e.data);
      r.onstop = () => {
        stream.getTracks().forEach((t) => t.stop());
        const blob = new Blob(chunks, { type: r.mimeType || recordingType() || 'audio/webm' });
        setClip({ blob, url: URL.createObjectURL(blob) });
      };
      recorder.current = r;
      r.start();
      setClip(null);
      setElapsed(0);
      setRecording(true);
      const began = Date.now();
      timer.current = window.setInterval(() => {
        const s = (Date.now() - began) / 1000;
        setElapsed(s);
        if (s >= MAX_SECONDS) stop();
      }, 250);
    } catch {
      setProblem('Clara could not use your microphone. Allow microphone access in the browser, or write to us instead.');
    }
  };

  const submit = () => {
    if (!clip) return;
    const type = clip.blob.type.includes('ogg') ? 'ogg' : 'webm';
    send.mutate({ audio: clip.blob, filename: `message.${type}`, email: email.trim(), name: name.trim() || undefined }, { onSuccess: onCreated });
  };

  if (!recordingType()) {
    return (
      <Text size="sm" c="dimmed">
        This browser cannot record a voice message for us: please use the form.
      </Text>
    );
  }
  const fieldErrors = send.error instanceof ApiError ? send.error.fieldErrors : {};
  return (
    <Stack gap="sm" aria-label="Record a message" role="group">
      <Text fw={600}>Or record a message</Text>
      <Text size="sm" c="dimmed">
        Speak for up to {MAX_SECONDS / 60} minutes. We transcribe it and answer by email.
      </Text>
      {problem && (
        <Alert color="red" variant="light" role="alert">
          {problem}
        </Alert>
      )}
      {send.isError && !fieldErrors.email && (
        <Alert color="red" variant="light" role="alert" title="Your message was not sent">
          {errorMessage(send.error)}
        </Alert>
      )}
      <Group grow>
        {/* Labels differ from the text form's ("Email", "Your name") so each field has a name of its own. */}
        <TextInput label="Reply-to address" type="email" autoComplete="email" required value={email} error={fieldErrors.email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <TextInput label="Name (optional)" autoComplete="name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
      </Group>
      <Group>
        {recording ? (
          <Button color="red" onClick={stop} aria-label="Stop recording">
            Stop ({formatSeconds(elapsed)})
          </Button>
        ) : (
          <Button variant="light" onClick={() => void start()}>
            {clip ? 'Record again' : 'Record a message'}
          </Button>
        )}
        {/* The caller's own recording, played back before sending: there is no text for it yet. */}
        {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
        {clip && !recording && <audio controls src={clip.url} aria-label="Your recording" />}
      </Group>
      <Group justify="flex-end">
        <Button onClick={submit} disabled={!clip || recording || !email.trim()} loading={send.isPending}>
          Send voice message
        </Button>
      </Group>
    </Stack>
  );
}
