import { Code, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { TEMPLATE_VARIABLES, type TemplateKey } from '../template-preview';

export function TemplateVariables({ templateKey, onInsert }: { templateKey: TemplateKey; onInsert: (tag: string) => void }) {
  return (
    <Stack gap={4} component="section" aria-labelledby="template-variables-title">
      <Text size="sm" fw={500} id="template-variables-title">
        Variables
      </Text>
      <Text size="xs" c="dimmed">
        Click one to insert it where the cursor is.
      </Text>
      <Stack gap={2}>
        {TEMPLATE_VARIABLES[templateKey].map((v) => {
          const tag = `{{${v.name}}}`;
          return (
            <Group key={v.name} gap="xs" wrap="nowrap">
              <UnstyledButton onClick={() => onInsert(tag)} aria-label={`Insert ${tag}`}>
                <Code>{tag}</Code>
              </UnstyledButton>
              <Text size="xs" c="dimmed">
                {v.description}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Stack>
  );
}
