import { Button, Grid, Paper, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { EmptyBlock, ErrorState, LoadingState } from '../../components/page-states';
import { useSession } from '../../lib/session';
import { useArticles } from '../../features/kb/api/articles';
import type { ArticleFilters } from '../../features/kb/api/types';
import { ArticleFilterBar } from '../../features/kb/components/article-filters';
import { ArticleTable } from '../../features/kb/components/article-table';
import { AskClara } from '../../features/kb/components/ask-clara';

export function KnowledgeBasePage() {
  const session = useSession();
  const [filters, setFilters] = useState<ArticleFilters>({});
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const articles = useArticles({ ...filters, q: q || undefined });
  const filtered = !!(filters.status || filters.category || q);

  return (
    <Stack gap="md">
      <PageHeader
        title="Knowledge base"
        description="The articles Clara answers customers from: only published ones are searched."
        actions={
          session.can('kb:write') && (
            <Button component={Link} to="/kb/new">
              New article
            </Button>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="md" radius="md">
            <Stack gap="md">
              <ArticleFilterBar filters={filters} onChange={setFilters} search={search} onSearch={setSearch} />
              {articles.isPending ? (
                <LoadingState label="Loading articles…" />
              ) : articles.isError ? (
                <ErrorState error={articles.error} onRetry={() => void articles.refetch()} />
              ) : articles.data.items.length === 0 ? (
                <EmptyBlock
                  title={filtered ? 'No article matches' : 'No articles yet'}
                  description={filtered ? 'Try other filters or words.' : 'Write the first one, or import a folder with `clara kb import`.'}
                />
              ) : (
                <>
                  <ArticleTable articles={articles.data.items} />
                  <Text size="xs" c="dimmed">
                    {articles.data.items.length < articles.data.total
                      ? `Showing ${articles.data.items.length} of ${articles.data.total} articles: narrow the search to see the rest.`
                      : `${articles.data.total} article${articles.data.total === 1 ? '' : 's'}`}
                  </Text>
                </>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <AskClara />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
