import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';

export interface CitationLink {
  article_id: string;
  title: string;
}

/**
 * The knowledge-base articles an answer rests on, each a link to the article page; with `onOpen`
 * a click opens the article beside the page instead (the ticket page keeps the reply being typed).
 */
export function CitationLinks({ citations, onOpen }: { citations: CitationLink[]; onOpen?: (c: CitationLink) => void }) {
  if (citations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No sources.
      </Text>
    );
  }
  // One line per article: several chunks of the same article cite it once.
  const seen = new Set<string>();
  const unique = citations.filter((c) => !seen.has(c.article_id) && seen.add(c.article_id));
  return (
    <List size="sm" type="ordered" spacing={2} aria-label="Sources" data-testid="citations">
      {unique.map((c) => (
        <List.Item key={c.article_id}>
          {onOpen ? (
            <Anchor component="button" type="button" size="sm" onClick={() => onOpen(c)}>
              {c.title}
            </Anchor>
          ) : (
            <Anchor component={Link} to={`/kb/${c.article_id}`} size="sm">
              {c.title}
            </Anchor>
          )}
        </List.Item>
      ))}
    </List>
  );
}
