import { Alert, Button, Grid, Group, Paper, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState } from 'react';
import { Markdown } from '../../../components/markdown';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { KB_CATEGORIES, type KbCategory } from '../api/types';
import { articleFormErrors, type ArticleFormValues } from '../article-form';

interface Props {
  initial: ArticleFormValues;
  submitting: boolean;
  error: unknown;
  /** Buttons: each submits the form with its own intent ("save", "publish" …). */
  actions: { intent: string; label: string; variant?: string }[];
  onSubmit: (values: ArticleFormValues, intent: string) => void;
  onCancel?: () => void;
}

const categoryOptions = KB_CATEGORIES.map((c) => ({ value: c, label: c[0]!.toUpperCase() + c.slice(1) }));

export function ArticleEditor({ initial, submitting, error, actions, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState(false);
  const local = touched ? articleFormErrors(values) : {};
  const server = error instanceof ApiError ? error.fieldErrors : {};
  const fieldError = (f: string) => local[f] ?? server[f];
  const set = <K extends keyof ArticleFormValues>(k: K, v: ArticleFormValues[K]) => setValues((s) => ({ ...s, [k]: v }));

  const submit = (intent: string) => {
    setTouched(true);
    if (Object.keys(articleFormErrors(values)).length > 0) return;
    onSubmit(values, intent);
  };

  return (
    <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); submit(actions[0]!.intent); }} aria-label="Article editor">
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
        {onCancel && (
          <Button variant="subtle" onClick={onCancel} disabled={submitting}>
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
