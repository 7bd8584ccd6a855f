import { Anchor, Breadcrumbs, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useCreateArticle } from '../../features/kb/api/articles';
import { EMPTY_ARTICLE } from '../../features/kb/article-form';
import { ArticleEditor } from '../../features/kb/components/article-editor';

export function NewArticlePage() {
  const create = useCreateArticle();
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/kb" size="sm">
          Knowledge base
        </Anchor>
        <Text size="sm">New article</Text>
      </Breadcrumbs>
      <PageHeader title="New article" description="Drafts are not searched and never answer customers until you publish them." />
      <Paper withBorder p="md" radius="md">
        <ArticleEditor
          initial={EMPTY_ARTICLE}
          submitting={create.isPending}
          error={create.error}
          actions={[
            { intent: 'draft', label: 'Save draft' },
            { intent: 'published', label: 'Save and publish' },
          ]}
          draftRef="new"
          onCancel={() => navigate('/kb')}
          onSubmit={(values, intent) =>
            create.mutateAsync({ ...values, status: intent === 'published' ? 'published' : 'draft' }).then((a) => {
              notifications.show({ color: 'teal', message: `“${a.title}” saved${a.status === 'published' ? ' and published' : ' as a draft'}.` });
              // After the editor has discarded its draft: leaving the page is then not held.
              setTimeout(() => navigate(`/kb/${a.id}`, { replace: true }));
            })
          }
        />
      </Paper>
    </Stack>
  );
}
