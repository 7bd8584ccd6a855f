// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { permissionMatrix, type Role } from '@shared/core/rbac';
import { makeSession, SessionContext } from '../../lib/session';
import { KnowledgeBasePage } from './kb';
import { ArticlePage } from './kb-article';

const article = {
  id: 'a1',
  slug: 'reset-password',
  title: 'Reset your password',
  body: '## Steps\n\nClick **Forgot password**.',
  status: 'published',
  category: 'technical',
  tags: ['login'],
  version: 3,
  indexed: true,
  author_id: null,
  created_at: '2026-03-01T09:00:00Z',
  updated_at: '2026-03-02T09:00:00Z',
  published_at: '2026-03-02T09:00:00Z',
};

let listed: unknown[] = [];

// The Clara API as seen by the browser: a knowledge base of one article (listed unless a test empties it).
function fakeApi(url: string): unknown {
  if (url.startsWith('/api/kb/articles/a1/versions')) return { items: [{ version: 3, title: article.title, body: article.body, author_id: null, created_at: article.updated_at }] };
  if (url.startsWith('/api/kb/articles/a1')) return article;
  if (url.startsWith('/api/kb/articles')) return { items: listed, total: listed.length };
  if (url.startsWith('/api/admin/users')) return { items: [] };
  throw new Error(`unexpected ${url}`);
}

beforeEach(() => {
  listed = [article];
  // happy-dom has no document.fonts, which Mantine's autosize textarea listens on.
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget(), configurable: true });
  vi.stubGlobal('fetch', async (url: string) => new Response(JSON.stringify(fakeApi(url)), { status: 200, headers: { 'content-type': 'application/json' } }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderAs(role: Role, path: string) {
  const session = makeSession({ id: 'u1', email: `${role}@example.com`, name: role, role, timezone: 'UTC', permissions: permissionMatrix()[role] });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[path]}>
          <SessionContext.Provider value={session}>
            <Routes>
              <Route path="/kb" element={<KnowledgeBasePage />} />
              <Route path="/kb/:id" element={<ArticlePage />} />
            </Routes>
          </SessionContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

describe('the knowledge base by role', () => {
  it('lets an agent read articles and ask Clara, without the New article button', async () => {
    renderAs('agent', '/kb');
    expect(await screen.findByText('Reset your password')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Question' })).toBeTruthy();
    expect(screen.queryByText('New article')).toBeNull();
  });

  it('says so when there is no article yet', async () => {
    listed = [];
    renderAs('agent', '/kb');
    expect(await screen.findByText('No articles yet')).toBeTruthy();
  });

  it('offers a lead the New article button', async () => {
    renderAs('lead', '/kb');
    expect(await screen.findByText('Reset your password')).toBeTruthy();
    expect(screen.getByText('New article')).toBeTruthy();
  });

  it('shows an agent the rendered article and its versions but no edit, publish or delete', async () => {
    renderAs('agent', '/kb/a1');
    expect(await screen.findByTestId('article-title')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Steps' })).toBeTruthy();
    expect(await screen.findByText('v3 (current)')).toBeTruthy();
    for (const name of ['Edit', 'Unpublish', 'Delete']) expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('gives a lead edit, unpublish and delete on a published article', async () => {
    renderAs('lead', '/kb/a1');
    await screen.findByTestId('article-title');
    for (const name of ['Edit', 'Unpublish', 'Delete']) expect(screen.getByRole('button', { name })).toBeTruthy();
  });
});
