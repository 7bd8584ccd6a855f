import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PublicCreateTicketBody } from '@shared/modules/tickets/tickets.schema';
import { AttachmentPicker, type UploadedFile } from '../../../components/attachments';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useCreatePublicTicket, type PublicCreated } from '../api/public-tickets';
import { InstantAnswers } from './instant-answers';

const EMPTY = { name: '', email: '', subject: '', description: '' };

export function ContactForm({ onCreated }: { onCreated: (created: PublicCreated) => void }) {
  const create = useCreatePublicTicket();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const field = (name: keyof typeof EMPTY) => ({
    value: form[name],
    error: errors[name],
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [name]: e.currentTarget.value }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Checked with the API's own schema, so the customer sees the same rules before sending.
    if (uploading) return;
    const parsed = PublicCreateTicketBody.safeParse({ ...form, name: form.name.trim() || undefined, attachment_ids: files.map((f) => f.id) });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (err) => err instanceof ApiError && setErrors(err.fieldErrors),
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Contact support">
      <Stack gap="sm">
        {create.isError && !Object.keys(errors).length && (
          <Alert color="red" variant="light" role="alert" title="Your request was not sent">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput label="Your name" autoComplete="name" {...field('name')} />
          <TextInput label="Email" type="email" autoComplete="email" required placeholder="you@example.com" {...field('email')} />
        </Group>
        <TextInput label="Subject" required placeholder="A short summary of the problem" {...field('subject')} />
        <Textarea label="How can we help?" required autosize minRows={5} maxRows={14} placeholder="What happened, what you expected, any error messages…" {...field('description')} />
        <AttachmentPicker uploadUrl="/api/public/uploads" value={files} onChange={setFiles} onBusyChange={setUploading} disabled={create.isPending} />
        <InstantAnswers text={`${form.subject} ${form.description}`} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} disabled={uploading} size="md">
            Send request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
