import { Alert, Button, Group, List, Modal, NumberInput, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useSaveRule, type EscalationRule } from '../api/escalation-rules';
import { checkActions, checkConditions, detailLines, pretty } from '../rule-json';

export const NEW_RULE: EscalationRule = {
  id: '',
  name: '',
  description: '',
  enabled: true,
  position: 100,
  conditions: { type: 'human_requested' },
  actions: [{ type: 'set_status', status: 'escalated' }, { type: 'notify', recipients: ['leads'] }],
  created_at: '',
  updated_at: '',
};

function Problems({ label, errors }: { label: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <Alert color="red" variant="light" p="xs" title={label} role="alert">
      <List size="xs" spacing={2}>
        {errors.map((e) => (
          <List.Item key={e} style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
            {e}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

export function RuleEditor({ rule, onClose }: { rule: EscalationRule; onClose: () => void }) {
  const save = useSaveRule();
  const [name, setName] = useState(rule.name);
  const [description, setDescription] = useState(rule.description);
  const [position, setPosition] = useState(rule.position);
  const [enabled, setEnabled] = useState(rule.enabled);
  const [conditionsText, setConditionsText] = useState(pretty(rule.conditions));
  const [actionsText, setActionsText] = useState(pretty(rule.actions));
  const conditions = checkConditions(conditionsText);
  const actions = checkActions(actionsText);
  const invalid = !name.trim() || !conditions.ok || !actions.ok;
  const serverLines = save.error instanceof ApiError ? detailLines(save.error.details) : [];
  const mono = { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } };

  const submit = () => {
    if (invalid || !conditions.ok || !actions.ok) return;
    save.mutate(
      { id: rule.id || null, body: { name: name.trim(), description: description.trim(), position, enabled, conditions: conditions.value, actions: actions.value } },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal opened onClose={onClose} title={rule.id ? `Edit rule: ${rule.name}` : 'New escalation rule'} size="xl">
      <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Group grow align="flex-start">
          <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
          <NumberInput label="Position" description="Lower runs first" min={0} max={10000} value={position} onChange={(v) => setPosition(Number(v) || 0)} maw={160} />
        </Group>
        <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        <Switch label="Enabled" checked={enabled} onChange={(e) => setEnabled(e.currentTarget.checked)} />
        <Textarea
          label="Conditions (JSON)"
          description='A condition such as {"type": "human_requested"}, or {"all": [...]}, {"any": [...]}, {"not": ...}.'
          autosize
          minRows={4}
          maxRows={16}
          value={conditionsText}
          onChange={(e) => setConditionsText(e.currentTarget.value)}
          styles={mono}
          error={!conditions.ok}
        />
        <Problems label="Conditions are not valid" errors={conditions.ok ? [] : conditions.errors} />
        <Textarea
          label="Actions (JSON)"
          description="A list: set_status, move_to_queue, raise_priority, assign, assign_round_robin, add_tag, notify."
          autosize
          minRows={4}
          maxRows={16}
          value={actionsText}
          onChange={(e) => setActionsText(e.currentTarget.value)}
          styles={mono}
          error={!actions.ok}
        />
        <Problems label="Actions are not valid" errors={actions.ok ? [] : actions.errors} />
        {save.isError && (
          <Alert color="red" variant="light" role="alert" title={errorMessage(save.error)}>
            {serverLines.map((l) => (
              <Text key={l} size="sm" ff="monospace">
                {l}
              </Text>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending} disabled={invalid}>
            Save rule
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
