import { describe, expect, it } from 'vitest';
import { auditDiff, MASKED, maskSecrets } from './audit-diff';

describe('auditDiff', () => {
  it('lists only the fields that changed, leaving out the id and timestamps', () => {
    const diff = auditDiff({ id: 'x', name: 'A', active: true, updated_at: '1' }, { id: 'x', name: 'B', active: true, created_at: '0', updated_at: '2' });
    expect(diff.changes).toEqual({ name: { old: 'A', new: 'B' } });
  });

  it('shows every field as new on create and as old on delete', () => {
    expect(auditDiff(null, { name: 'A' }).changes).toEqual({ name: { new: 'A' } });
    expect(auditDiff({ name: 'A' }, null).changes).toEqual({ name: { old: 'A' } });
  });

  it('says a secret changed without its value, at any depth', () => {
    const diff = auditDiff(
      { smtp: { host: 'a', password: 'old-pw' }, token_hash: 'x' },
      { smtp: { host: 'a', password: 'new-pw' }, token_hash: 'y' },
    );
    expect(diff.changes).toEqual({
      smtp: { old: { host: 'a', password: MASKED }, new: { host: 'a', password: MASKED } },
      token_hash: { old: MASKED, new: MASKED },
    });
    expect(JSON.stringify(diff)).not.toMatch(/old-pw|new-pw/);
    expect(maskSecrets({ imapPassword: '', webhookSecret: null, apiKey: 'k' })).toEqual({ imapPassword: '', webhookSecret: null, apiKey: MASKED });
  });
});
