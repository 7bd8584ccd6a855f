import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './encryption';

const key = 'a'.repeat(64);

describe('sealed secrets', () => {
  it('round-trips and never stores the plain text', () => {
    const sealed = sealSecret('imap-password', key);
    expect(sealed).not.toContain('imap-password');
    expect(sealed).not.toBe(sealSecret('imap-password', key));
    expect(openSecret(sealed, key)).toBe('imap-password');
  });

  it('refuses a wrong key or a tampered value', () => {
    const sealed = sealSecret('imap-password', key);
    expect(() => openSecret(sealed, 'b'.repeat(64))).toThrow();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => openSecret(parts.join('.'), key)).toThrow();
  });
});
