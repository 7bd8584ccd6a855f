import { Anchor, Drawer, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { Markdown } from '../../components/markdown';
import { ErrorState, LoadingState } from '../../components/page-states';
import { useArticle } from '../../features/kb/api/articles';

/** A knowledge-base article beside the page (a suggested answer's source next to the reply). */
export function ArticlePeek({ article, onClose }: { article: { article_id: string; title: string } | null; onClose: () => void }) {
  const data = useArticle(article?.article_id);
  return (
    // No overlay and no focus trap: the reply stays usable while the article is open beside it.
    <Drawer
      opened={article !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={article?.title ?? 'Article'}
      withOverlay={false}
      lockScroll={false}
      trapFocus={false}
      closeOnClickOutside={false}
      shadow="xl"
      closeButtonProps={{ 'aria-label': 'Close the article' }}
    >
      {data.isPending ? (
        <LoadingState />
      ) : data.isError ? (
        <ErrorState error={data.error} onRetry={() => void data.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            <Anchor component={Link} to={`/kb/${data.data.id}`} target="_blank">
              Open the article in a new tab
            </Anchor>
          </Text>
          <Markdown>{data.data.body}</Markdown>
        </Stack>
      )}
    </Drawer>
  );
}
