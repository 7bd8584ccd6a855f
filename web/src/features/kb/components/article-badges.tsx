import { Badge } from '@mantine/core';
import type { KbStatus } from '../api/types';

export function ArticleStatusBadge({ status }: { status: KbStatus }) {
  return (
    <Badge color={status === 'published' ? 'teal' : 'gray'} variant="light" miw="max-content" data-testid="article-status">
      {status}
    </Badge>
  );
}
