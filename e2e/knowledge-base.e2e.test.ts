import { expect as vexpect, afterAll, beforeAll, it } from 'vitest';
import { describeE2E, logIn, openBrowser, screenshot, type BrowserSession } from './support/browser';
import { startClaraServer, type RunningServer } from './support/clara-server';

// A lead's knowledge-base day: edit an article, publish it, and Clara answers from the new text at once.
describeE2E('the knowledge base', () => {
  let server: RunningServer;
  let browser: BrowserSession;
  const word = `zorblax${Date.now().toString(36)}`;
  const sentence = `The ${word} code for the quantum teapot is 4711.`;

  beforeAll(async () => {
    server = await startClaraServer({ demo: true });
    browser = await openBrowser();
    await logIn(browser.page, server.url, server.adminEmail, server.adminPassword);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists the articles and filters them by search', async () => {
    const { page } = browser;
    await page.getByTestId('user-menu').waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('k');
    await page.waitForURL(`${server.url}/kb`);
    await page.getByTestId('article-row').first().waitFor();
    vexpect(await page.getByTestId('article-row').count()).toBeGreaterThanOrEqual(20);
    await screenshot(page, 'kb-list');
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('API keys');
    await page.getByTestId('article-row').filter({ hasText: 'Create and manage API keys' }).waitFor();
    await vexpect.poll(() => page.getByTestId('article-row').count()).toBeLessThan(20);
  });

  it('unpublishes an article, adds a sentence with a live preview, and publishes it again', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Create and manage API keys' }).click();
    await page.getByTestId('article-title').waitFor();
    await page.getByRole('button', { name: 'Unpublish' }).click();
    await page.getByTestId('article-status').filter({ hasText: 'draft' }).waitFor();

    await page.getByRole('button', { name: 'Edit' }).click();
    const body = page.getByRole('textbox', { name: 'Body (Markdown)' });
    await body.press('Control+End');
    await body.pressSequentially(`\n\n## Teapots\n\n${sentence}`);
    await page.getByTestId('article-preview').getByRole('heading', { name: 'Teapots' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'kb-editor');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(sentence).waitFor();
    await page.getByText(/v2 · updated/).waitFor();

    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('article-status').filter({ hasText: 'published' }).waitFor();
    // Search uses a version once its background re-index is done.
    await page.getByTestId('article-indexing').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('table', { name: 'Versions' }).getByText('v2 (current)').waitFor();
    await screenshot(page, 'kb-article');
  });

  it('answers a question from the new sentence, citing the article', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/kb`);
    await page.getByRole('textbox', { name: 'Question' }).fill(`What is the ${word} code of the quantum teapot?`);
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const answer = page.getByTestId('ask-answer');
    await answer.waitFor();
    vexpect(await page.getByTestId('ask-answer-text').innerText()).toContain('4711');
    vexpect(await page.getByTestId('ask-confidence').innerText()).toMatch(/Confidence \d+%/);
    const citation = answer.getByTestId('citations').getByRole('link', { name: 'Create and manage API keys' });
    await citation.waitFor();
    await screenshot(page, 'kb-ask');
    await citation.click();
    await page.getByTestId('article-title').filter({ hasText: 'Create and manage API keys' }).waitFor();
  });
});

