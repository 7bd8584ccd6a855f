import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../api/types';
import { describeEntry } from './history-timeline';

const names = { user: () => 'Ann', queue: () => 'Escalations' };
const entry = (e: Partial<HistoryEntry>): HistoryEntry => ({ id: 1, actor_type: 'system', actor_id: null, action: 'x', old_value: null, new_value: null, comment: null, created_at: '2026-03-02T09:00:00Z', ...e });

describe('describeEntry for escalation and SLA rows', () => {
  it('names the rule that escalated a ticket', () => {
    expect(describeEntry(entry({ action: 'escalated', new_value: { rule_id: 'r1', rule: 'Human requested', reasons: [] } }), names)).toBe('Escalated by the rule “Human requested”');
  });

  it('says when a person escalated by hand', () => {
    expect(describeEntry(entry({ action: 'escalated', new_value: { manual: true } }), names)).toBe('Escalated by hand');
  });

  it('names the SLA target that turned warning', () => {
    expect(describeEntry(entry({ action: 'sla_warning', new_value: { target: 'first_response', due_at: null } }), names)).toBe('SLA warning (first response)');
  });

  it('shows a de-escalation as a status move', () => {
    expect(describeEntry(entry({ action: 'deescalated', old_value: 'escalated', new_value: 'open' }), names)).toBe('De-escalated: escalated → open');
  });
});
