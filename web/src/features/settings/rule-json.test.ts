import { describe, expect, it } from 'vitest';
import { checkActions, checkConditions, detailLines } from './rule-json';

describe('checkConditions', () => {
  it('accepts a nested condition', () => {
    const r = checkConditions('{"any": [{"type": "human_requested"}, {"type": "sla", "state": "breached"}]}');
    expect(r.ok).toBe(true);
  });

  it('reports a JSON syntax error', () => {
    const r = checkConditions('{"type": ');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/^Not valid JSON/);
  });

  it('rejects an unknown condition type', () => {
    const r = checkConditions('{"type": "moon_phase"}');
    expect(r.ok).toBe(false);
  });
});

describe('checkActions', () => {
  it('names the path of a bad field', () => {
    const r = checkActions('[{"type": "raise_priority", "to": "extreme"}]');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join('\n')).toContain('[0].to');
  });

  it('requires at least one action', () => {
    const r = checkActions('[]');
    expect(!r.ok && r.errors).toEqual(['a rule needs at least one action']);
  });

  it('accepts the default actions', () => {
    expect(checkActions('[{"type": "set_status", "status": "escalated"}, {"type": "notify", "recipients": ["leads"]}]').ok).toBe(true);
  });
});

describe('detailLines', () => {
  it('turns server validation details into lines without the body prefix', () => {
    expect(detailLines([{ field: 'body.actions.0.to', message: 'Invalid option' }, { message: 'bad' }, 'junk'])).toEqual(['actions.0.to: Invalid option', 'bad']);
  });
});
