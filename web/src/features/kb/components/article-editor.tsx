import { Alert, Button, Grid, Group, Paper, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useCallback, useState } from 'react';
import { DraftStatusText, LeaveGuard } from '../../../components/draft-status';
import { Markdown } from '../../../components/markdown';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useServerDraft } from '../../../lib/server-draft';
import { formatDateTime } from '../../../lib/time';
import { KB_CATEGORIES, type KbCategory } from '../api/types';
import { articleFormErrors, type ArticleFormValues } from '../article-form';

interface Props {
  initial: ArticleFormValues;
  submitting: boolean;
  error: unknown;
  /** Buttons: each submits the form with its own intent ("save", "publish" …). */
  actions: { intent: string; label: string; variant?: string }[];
  /** Resolves once the article is saved; the draft kept while typing is then discarded. */
  onSubmit: (values: ArticleFormValues, intent: string) => Promise<unknown>;
  onCancel?: () => void;
  /** Where the unsaved text is kept while typing: "new" or the article's id. */
  draftRef: string;
}

const categoryOptions = KB_CATEGORIES.map((c) => ({ value: c, label: c[0]!.toUpperCase() + c.slice(1) }));

const asCategory = (c: unknown): KbCategory => ((KB_CATEGORIES as readonly unknown[]).includes(c) ? (c as KbCategory) : 'general');

export function ArticleEditor({ initial, submitting, error, actions, onSubmit, onCancel, draftRef }: Props) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const initialJson = JSON.stringify(initial);
  // Nothing changed from the article as loaded: there is nothing to keep.
  const unchanged = useCallback((v: ArticleFormValues) => JSON.stringify(v) === initialJson, [initialJson]);
  const draft = useServerDraft<ArticleFormValues>({
    url: `/api/kb/drafts/${encodeURIComponent(draftRef)}`,
    value: values,
    isEmpty: unchanged,
    onRestore: (c, at) => {
      setValues({ title: c.title ?? '', body: c.body ?? '', category: asCategory(c.category), tags: c.tags ?? [] });
      setRestoredAt(at);
    },
  });
  const local = touched ? articleFormErrors(values) : {};
  const server = error instanceof ApiError ? error.fieldErrors : {};
  const fieldError = (f: string) => local[f] ?? server[f];
  const set = <K extends keyof ArticleFormValues>(k: K, v: ArticleFormValues[K]) => setValues((s) => ({ ...s, [k]: v }));

  const submit = (intent: string) => {
    setTouched(true);
    if (Object.keys(articleFormErrors(values)).length > 0) return;
    onSubmit(values, intent).then(
      () => draft.clear(values),
      () => undefined, // the page shows the error; the draft stays
    );
  };
  const cancel = () => {
    void draft.clear(initial);
    onCancel?.();
  };

  return (
    <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); submit(actions[0]!.intent); }} aria-label="Article editor">
      {restoredAt && (
        <Alert color="indigo" variant="light" data-testid="draft-restored" withCloseButton onClose={() => setRestoredAt(null)}>
          Restored your unsaved changes from {formatDateTime(restoredAt)}.{' '}
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              setValues(initial);
              setRestoredAt(null);
              void draft.clear(initial);
            }}
          >
            Discard them
          </Button>
        </Alert>
      )}
      {error !== null && error !== undefined && (
        <Alert color="red" variant="light" role="alert" title="Not saved">
          {errorMessage(error)}
        </Alert>
      )}
      <Group grow align="flex-start" wrap="wrap">
        <TextInput label="Title" required value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={fieldError('title')} miw={260} />
        <Select label="Category" data={categoryOptions} value={values.category} onChange={(v) => v && set('category', v as KbCategory)} allowDeselect={false} maw={220} />
      </Group>
      <TagsInput label="Tags" placeholder="Add a tag and press Enter" value={values.tags} onChange={(t) => set('tags', t)} error={fieldError('tags')} clearable />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea
            label="Body (Markdown)"
            description="Headings (##) split the article into the chunks search and answers use."
            required
            autosize
            minRows={16}
            maxRows={40}
            value={values.body}
            onChange={(e) => set('body', e.currentTarget.value)}
            onKeyDown={getHotkeyHandler([['mod+Enter', () => submit(actions[0]!.intent)]])}
            error={fieldError('body')}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Text size="sm" fw={500} mb={4} id="article-preview-label">
            Preview
          </Text>
          <Paper withBorder p="md" radius="md" mih={200} aria-labelledby="article-preview-label" role="region" data-testid="article-preview">
            {values.body.trim() ? (
              <Markdown>{values.body}</Markdown>
            ) : (
              <Text size="sm" c="dimmed">
                Nothing to preview yet.
              </Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" gap="sm">
        <DraftStatusText draft={draft} />
        <LeaveGuard draft={draft} />
        {onCancel && (
          <Button variant="subtle" onClick={cancel} disabled={submitting}>
            Cancel
          </Button>
        )}
        {actions.map((a, i) => (
          <Button
            key={a.intent}
            type={i === 0 ? 'submit' : 'button'}
            variant={a.variant ?? (i === 0 ? 'filled' : 'light')}
            loading={submitting}
            onClick={i === 0 ? undefined : () => submit(a.intent)}
          >
            {a.label}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}
