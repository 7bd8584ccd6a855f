import { Alert, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useDeferredValue } from 'react';
import { renderPreview, type EmailTemplate, type TemplateKey } from '../template-preview';

export function TemplatePreview({ templateKey, template }: { templateKey: TemplateKey; template: EmailTemplate }) {
  const deferred = useDeferredValue(template);
  const rendered = renderPreview(templateKey, deferred);
  return (
    <Stack gap={4} component="section" aria-label="Preview">
      <Text size="sm" fw={500}>
        Preview with sample values
      </Text>
      {!rendered ? (
        <Alert color="yellow" variant="light">
          Fix the template syntax to see the preview.
        </Alert>
      ) : (
        <Paper withBorder radius="sm">
          <Text size="sm" px="sm" py={6} bg="var(--mantine-color-gray-0)" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid="preview-subject">
            <Text span c="dimmed" size="sm">
              Subject:{' '}
            </Text>
            {rendered.subject}
          </Text>
          <Tabs defaultValue={rendered.html ? 'html' : 'text'} variant="outline" radius={0}>
            <Tabs.List px="xs" pt={6}>
              <Tabs.Tab value="html" disabled={!rendered.html}>
                HTML
              </Tabs.Tab>
              <Tabs.Tab value="text">Plain text</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html">
              {/* sandbox="" : no scripts, forms or navigation from an admin-written template. */}
              <iframe title="HTML preview" sandbox="" srcDoc={rendered.html} style={{ width: '100%', height: 300, border: 0, display: 'block', background: 'white' }} />
            </Tabs.Panel>
            <Tabs.Panel value="text">
              <Text component="pre" size="sm" p="sm" m={0} mih={300} ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid="preview-text">
                {rendered.text}
              </Text>
            </Tabs.Panel>
          </Tabs>
        </Paper>
      )}
    </Stack>
  );
}
