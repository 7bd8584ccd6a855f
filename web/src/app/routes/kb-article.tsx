import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, Modal, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Markdown } from '../../components/markdown';
import { ErrorState, LoadingState } from '../../components/page-states';
import { ApiError, errorMessage } from '../../lib/api-client';
import { useSession } from '../../lib/session';
import { formatDateTime } from '../../lib/time';
import { useArticle, useArticleDraft, useDeleteArticle, useSetArticleStatus, useUpdateArticle } from '../../features/kb/api/articles';
import type { KbArticle } from '../../features/kb/api/types';
import { articleChanges, formValuesOf } from '../../features/kb/article-form';
import { ArticleStatusBadge } from '../../features/kb/components/article-badges';
import { ArticleEditor } from '../../features/kb/components/article-editor';
import { VersionList } from '../../features/kb/components/version-list';
import { useUsers } from '../../features/users/api/list-users';

function ArticleActions({ article, onEdit }: { article: KbArticle; onEdit: () => void }) {
  const status = useSetArticleStatus(article.id);
  const remove = useDeleteArticle(article.id);
  const navigate = useNavigate();
  const [confirmOpen, confirm] = useDisclosure(false);
  const published = article.status === 'published';
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="sm">
        <Button variant="default" onClick={onEdit}>
          Edit
        </Button>
        <Button variant={published ? 'light' : 'filled'} color={published ? 'gray' : 'teal'} loading={status.isPending} onClick={() => status.mutate(published ? 'unpublish' : 'publish')}>
          {published ? 'Unpublish' : 'Publish'}
        </Button>
        <Button variant="subtle" color="red" onClick={confirm.open}>
          Delete
        </Button>
      </Group>
      {status.isError && (
        <Text size="sm" c="red" role="alert">
          {errorMessage(status.error)}
        </Text>
      )}
      <Modal opened={confirmOpen} onClose={confirm.close} title="Delete this article?">
        <Stack>
          <Text size="sm">
            “{article.title}” stops answering questions at once. Its versions stay on record, but the article cannot be restored from the web app.
          </Text>
          {remove.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(remove.error)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close} data-autofocus>
              Keep it
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    notifications.show({ color: 'teal', message: `“${article.title}” deleted.` });
                    navigate('/kb', { replace: true });
                  },
                })
              }
            >
              Delete article
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function ArticlePage() {
  const { id = '' } = useParams();
  const session = useSession();
  const article = useArticle(id);
  const canWrite = session.can('kb:write');
  const [editing, setEditing] = useState(false);
  const unsaved = useArticleDraft(article.data?.id, canWrite && !editing);
  const a = article.data;
  const update = useUpdateArticle(a?.id ?? id);
  const users = useUsers({}, { enabled: session.can('users:read') });
  useDocumentTitle(a ? `${a.title} · Knowledge base · Clara` : 'Article · Clara');

  if (article.isPending) return <LoadingState label="Loading article…" />;
  if (article.isError || !a) {
    const missing = article.error instanceof ApiError && article.error.status === 404;
    return (
      <Stack>
        <ErrorState error={article.error} title={missing ? 'This article does not exist' : 'Could not load the article'} onRetry={missing ? undefined : () => void article.refetch()} />
        <Anchor component={Link} to="/kb">
          Back to the knowledge base
        </Anchor>
      </Stack>
    );
  }
  const names = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const authorName = (uid: string | null) => (uid ? (names.get(uid) ?? (uid === session.user.id ? session.user.name : 'a staff member')) : 'import');

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/kb" size="sm">
          Knowledge base
        </Anchor>
        <Text size="sm" lineClamp={1}>
          {a.title}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="article-title">
            {a.title}
          </Title>
          <Group gap="xs">
            <ArticleStatusBadge status={a.status} />
            <Badge variant="outline" color="gray" tt="capitalize">
              {a.category}
            </Badge>
            {!a.indexed && (
              <Tooltip label="Search and answers use the previous version until this one is indexed.">
                <Badge color="orange" variant="light" tt="none" data-testid="article-indexing">
                  Indexing…
                </Badge>
              </Tooltip>
            )}
            <Text size="sm" c="dimmed">
              v{a.version} · updated {formatDateTime(a.updated_at)}
              {a.published_at && a.status === 'published' ? ` · published ${formatDateTime(a.published_at)}` : ''}
            </Text>
          </Group>
        </Stack>
        {canWrite && !editing && <ArticleActions article={a} onEdit={() => { update.reset(); setEditing(true); }} />}
      </Group>
      {!editing && unsaved.data && (
        <Alert color="indigo" variant="light" data-testid="article-unsaved-draft">
          You have unsaved changes to this article from {formatDateTime(unsaved.data.updated_at)}.{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => setEditing(true)}>
            Continue editing
          </Button>
        </Alert>
      )}
      {editing ? (
        <Paper withBorder p="md" radius="md">
          <ArticleEditor
            key={`${a.id}:${a.version}`}
            initial={formValuesOf(a)}
            submitting={update.isPending}
            error={update.error}
            actions={[{ intent: 'save', label: 'Save changes' }]}
            draftRef={a.id}
            onCancel={() => setEditing(false)}
            onSubmit={async (values) => {
              const changes = articleChanges(formValuesOf(a), values);
              if (!changes) return setEditing(false);
              const saved = await update.mutateAsync(changes);
              notifications.show({ color: 'teal', message: saved.version > a.version ? `Saved as version ${saved.version}.` : 'Saved.' });
              setTimeout(() => setEditing(false));
            }}
          />
        </Paper>
      ) : (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder p="lg" radius="md" component="article" aria-label="Article">
              <Markdown>{a.body}</Markdown>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              {a.tags.length > 0 && (
                <Paper withBorder p="md" radius="md">
                  <Title order={2} size="h6" mb="xs" tt="uppercase" c="dimmed">
                    Tags
                  </Title>
                  <Group gap={6}>
                    {a.tags.map((t) => (
                      <Badge key={t} variant="default" tt="none">
                        {t}
                      </Badge>
                    ))}
                  </Group>
                </Paper>
              )}
              <Paper withBorder p="md" radius="md" component="section" aria-label="Versions">
                <Title order={2} size="h6" mb="xs" tt="uppercase" c="dimmed">
                  Versions
                </Title>
                <VersionList articleId={a.id} current={a.version} authorName={authorName} />
              </Paper>
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
