import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useParams } from 'react-router';
import { Markdown } from '../../components/markdown';
import { ErrorState, LoadingState } from '../../components/page-states';
import { ApiError } from '../../lib/api-client';
import { formatDateTime } from '../../lib/time';
import { usePublicArticle } from '../../features/support/api/instant-answers';
import { PublicLayout } from '../../features/support/components/public-layout';

/** A published knowledge-base article, where the sources of Clara's answers link to. */
export function SupportArticlePage() {
  const { ref = '' } = useParams();
  const article = usePublicArticle(ref);
  useDocumentTitle(article.data?.title ?? 'Help article');
  let content: React.ReactNode;
  if (article.isPending) content = <LoadingState />;
  else if (article.isError)
    content =
      article.error instanceof ApiError && article.error.status === 404 ? (
        <Alert color="red" variant="light" title="This article is not available">
          It may have been moved or unpublished. <Anchor component={Link} to="/support">Ask us instead</Anchor>
        </Alert>
      ) : (
        <ErrorState error={article.error} onRetry={() => void article.refetch()} />
      );
  else
    content = (
      <Stack gap="sm">
        <Title order={1} size="h2" data-testid="support-article-title">
          {article.data.title}
        </Title>
        <Text size="sm" c="dimmed">
          Updated {formatDateTime(article.data.updated_at)}
        </Text>
        <Markdown>{article.data.body}</Markdown>
      </Stack>
    );
  return <PublicLayout>{content}</PublicLayout>;
}
