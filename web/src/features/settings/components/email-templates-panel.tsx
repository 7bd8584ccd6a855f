import { Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { TEMPLATE_KEYS } from '@shared/modules/email/templates';
import { EmptyBlock, ErrorState, LoadingState } from '../../../components/page-states';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useEmailTemplates, useResetTemplate, useSaveTemplate, type EmailTemplateView } from '../api/email-templates';
import { sameTemplate, TEMPLATE_INFO, templateProblems, type EmailTemplate, type TemplateKey } from '../template-preview';
import { TemplatePreview } from './template-preview';
import { TemplateVariables } from './template-variables';

type Part = keyof EmailTemplate;
const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } };

function ResetDialog({ template, onClose, onReset }: { template: EmailTemplateView; onClose: () => void; onReset: () => void }) {
  const reset = useResetTemplate();
  return (
    <Modal opened onClose={onClose} title={`Reset “${TEMPLATE_INFO[template.key as TemplateKey].label}” to the default?`}>
      <Stack>
        <Text size="sm">Your edits to this template are deleted and Clara sends its built-in text again.</Text>
        {reset.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(reset.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            Keep my version
          </Button>
          <Button color="red" loading={reset.isPending} onClick={() => reset.mutate(template.key, { onSuccess: onReset })}>
            Reset to default
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function TemplateEditor({ stored, draft, onDraft }: { stored: EmailTemplateView; draft: EmailTemplate | undefined; onDraft: (t: EmailTemplate | undefined) => void }) {
  const key = stored.key as TemplateKey;
  const save = useSaveTemplate();
  const [resetting, setResetting] = useState(false);
  const current = draft ?? stored;
  const dirty = !sameTemplate(current, stored);
  const problems = templateProblems(current);
  const server = save.error instanceof ApiError ? save.error.fieldErrors : {};
  const refs = { subject: useRef<HTMLInputElement>(null), text: useRef<HTMLTextAreaElement>(null), html: useRef<HTMLTextAreaElement>(null) };
  const lastPart = useRef<Part>('text');

  const change = (part: Part, value: string) => {
    const next = { subject: current.subject, text: current.text, html: current.html, [part]: value };
    onDraft(sameTemplate(next, stored) ? undefined : next);
  };
  // Puts {{variable}} where the cursor was in the field last focused.
  const insert = (tag: string) => {
    const part = lastPart.current;
    const el = refs[part].current;
    const value = current[part];
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    change(part, value.slice(0, start) + tag + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + tag.length, start + tag.length);
    });
  };
  const field = (part: Part) => ({
    value: current[part],
    onChange: (e: { currentTarget: { value: string } }) => change(part, e.currentTarget.value),
    onFocus: () => (lastPart.current = part),
    error: problems[part] ?? server[part],
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {TEMPLATE_INFO[key].label}
            </Title>
            {stored.customized ? (
              <Badge color="indigo" variant="light" data-testid="template-customized">
                Customized
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                Default
              </Badge>
            )}
            {dirty && (
              <Badge color="yellow" variant="light">
                Unsaved changes
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {TEMPLATE_INFO[key].when}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" disabled={!stored.customized} onClick={() => setResetting(true)}>
            Reset to default
          </Button>
          <Button variant="default" disabled={!dirty} onClick={() => onDraft(undefined)}>
            Discard changes
          </Button>
          <Button
            disabled={!dirty || Object.keys(problems).length > 0}
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { key, body: current },
                {
                  onSuccess: () => {
                    onDraft(undefined);
                    notifications.show({ color: 'teal', message: `${TEMPLATE_INFO[key].label} template saved.` });
                  },
                },
              )
            }
          >
            Save template
          </Button>
        </Group>
      </Group>
      {save.isError && Object.keys(server).length === 0 && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="sm">
          <TextInput label="Subject" ref={refs.subject} styles={mono} {...field('subject')} />
          <Textarea label="Plain-text body" ref={refs.text} autosize minRows={6} maxRows={14} styles={mono} {...field('text')} />
          <Textarea label="HTML body" description="Leave empty to send plain text only." ref={refs.html} autosize minRows={5} maxRows={14} styles={mono} {...field('html')} />
        </Stack>
        <Stack gap="md">
          <TemplatePreview templateKey={key} template={current} />
          <TemplateVariables templateKey={key} onInsert={insert} />
        </Stack>
      </SimpleGrid>
      {resetting && (
        <ResetDialog
          template={stored}
          onClose={() => setResetting(false)}
          onReset={() => {
            setResetting(false);
            onDraft(undefined);
            notifications.show({ message: `${TEMPLATE_INFO[key].label} is back to the default.` });
          }}
        />
      )}
    </Stack>
  );
}

export function EmailTemplatesPanel() {
  const templates = useEmailTemplates();
  const [selected, setSelected] = useState<TemplateKey>('acknowledgment');
  const [drafts, setDrafts] = useState<Partial<Record<TemplateKey, EmailTemplate>>>({});
  const stored = templates.data?.find((t) => t.key === selected);
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="email-templates-title">
      <Title order={2} size="h4" id="email-templates-title">
        Email templates
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        What customers and staff receive from Clara. Mustache syntax: {'{{ticket.number}}'} inserts a value, escaped in HTML.
      </Text>
      {templates.isPending ? (
        <LoadingState label="Loading templates…" />
      ) : templates.isError ? (
        <ErrorState error={templates.error} onRetry={() => void templates.refetch()} />
      ) : !stored ? (
        <EmptyBlock title="No templates" description="This server offers no email templates." />
      ) : (
        <Stack gap="md">
          <SegmentedControl
            aria-label="Template"
            value={selected}
            onChange={(v) => setSelected(v as TemplateKey)}
            data={TEMPLATE_KEYS.map((k) => ({ value: k, label: `${TEMPLATE_INFO[k].label}${drafts[k] ? ' •' : ''}` }))}
            style={{ alignSelf: 'flex-start' }}
          />
          <TemplateEditor key={selected} stored={stored} draft={drafts[selected]} onDraft={(t) => setDrafts((d) => ({ ...d, [selected]: t }))} />
        </Stack>
      )}
    </Paper>
  );
}
