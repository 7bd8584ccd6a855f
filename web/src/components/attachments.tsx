import { ActionIcon, Anchor, Button, FileButton, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { MAX_ATTACHMENTS_PER_MESSAGE, UPLOAD_ACCEPT } from '@shared/modules/tickets/tickets.schema';
import { api, errorMessage } from '../lib/api-client';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** A paperclip drawn inline: emoji fonts are missing on many Linux desktops. */
function Clip() {
  return (
    <svg width="12" height="12" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" style={{ verticalAlign: '-1px', marginRight: 3 }}>
      <path d="M21.44 11.05l-9.19 9.19a6 6 0 0 1-8.49-8.49l9.19-9.19a4 4 0 0 1 5.66 5.66l-9.2 9.19a2 2 0 0 1-2.83-2.83l8.49-8.48" />
    </svg>
  );
}

interface FileLink {
  id: string;
  filename: string;
  size: number;
}

/** A message's files, each a download link: the server sends them as attachments, never inline. */
export function AttachmentLinks({ items, href }: { items: FileLink[]; href: (id: string) => string }) {
  if (items.length === 0) return null;
  return (
    <Group gap="xs" mt={6} aria-label="Attachments">
      {items.map((a) => (
        <Anchor key={a.id} href={href(a.id)} size="xs" download={a.filename} data-testid="attachment-link">
          <Clip />
          {a.filename}{' '}
          <Text span size="xs" c="dimmed">
            ({formatBytes(a.size)})
          </Text>
        </Anchor>
      ))}
    </Group>
  );
}

/** A file uploaded and waiting to go with the message it is attached to. */
export interface UploadedFile {
  id: string;
  filename: string;
  size: number;
}

interface Props {
  /** /api/uploads for staff, /api/public/uploads for customers. */
  uploadUrl: string;
  value: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  /** Files still uploading: the form waits for them before sending. */
  onBusyChange?: (busy: boolean) => void;
  disabled?: boolean;
}

/**
 * "Attach files": each file is uploaded as soon as it is chosen, so a refusal (too large, a program)
 * shows at once, beside its name; the message then sends the uploaded ids.
 */
export function AttachmentPicker({ uploadUrl, value, onChange, onBusyChange, disabled }: Props) {
  const [uploading, setUploading] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const latest = useRef(value);
  latest.current = value;
  const resetRef = useRef<() => void>(null);

  const add = async (files: File[]) => {
    resetRef.current?.();
    const room = MAX_ATTACHMENTS_PER_MESSAGE - latest.current.length;
    const chosen = files.slice(0, Math.max(0, room));
    const problems = files.length > chosen.length ? [`At most ${MAX_ATTACHMENTS_PER_MESSAGE} files per message.`] : [];
    setErrors(problems);
    if (chosen.length === 0) return;
    setUploading((u) => [...u, ...chosen.map((f) => f.name)]);
    onBusyChange?.(true);
    for (const file of chosen) {
      try {
        const stored = await api.upload<UploadedFile>(uploadUrl, file);
        latest.current = [...latest.current, { id: stored.id, filename: stored.filename, size: stored.size }];
        onChange(latest.current);
      } catch (err) {
        problems.push(errorMessage(err));
        setErrors([...problems]);
      } finally {
        setUploading((u) => {
          const i = u.indexOf(file.name);
          return i < 0 ? u : [...u.slice(0, i), ...u.slice(i + 1)];
        });
      }
    }
    onBusyChange?.(false);
  };

  return (
    <Stack gap={4}>
      <Group gap="xs">
        <FileButton onChange={(files) => void add(files)} multiple accept={UPLOAD_ACCEPT} resetRef={resetRef} disabled={disabled}>
          {(props) => (
            <Button {...props} variant="subtle" size="compact-sm" leftSection={<Clip />} disabled={disabled || value.length >= MAX_ATTACHMENTS_PER_MESSAGE}>
              Attach files
            </Button>
          )}
        </FileButton>
        {uploading.map((name, i) => (
          <Group key={`${name}-${i}`} gap={4}>
            <Loader size="xs" />
            <Text size="xs" c="dimmed">
              Uploading {name}…
            </Text>
          </Group>
        ))}
      </Group>
      {value.length > 0 && (
        <Group gap="xs" aria-label="Files to send">
          {value.map((f) => (
            <Paper key={f.id} withBorder radius="xl" px="xs" py={2} data-testid="pending-attachment">
              <Group gap={4} wrap="nowrap">
                <Text size="xs">
                  <Clip />
                  {f.filename}{' '}
                  <Text span size="xs" c="dimmed">
                    ({formatBytes(f.size)})
                  </Text>
                </Text>
                <ActionIcon size="xs" variant="subtle" color="gray" aria-label={`Remove ${f.filename}`} disabled={disabled} onClick={() => onChange(value.filter((v) => v.id !== f.id))}>
                  ✕
                </ActionIcon>
              </Group>
            </Paper>
          ))}
        </Group>
      )}
      {errors.map((e, i) => (
        <Text key={i} size="xs" c="red" role="alert">
          {e}
        </Text>
      ))}
    </Stack>
  );
}
