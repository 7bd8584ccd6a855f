import { describe, expect, it } from 'vitest';
import { EMPTY_MAILBOX_FORM, formErrors, mailboxRequest, mailboxToForm, toggleSecure, type MailboxForm, type MailboxView } from './mailbox-form';

const filled: MailboxForm = { ...EMPTY_MAILBOX_FORM, name: ' Support ', host: 'imap.example.com', username: 'support@example.com', password: 's3cret' };

const stored: MailboxView = {
  id: 'a6f1c2de-0000-4000-8000-000000000001',
  name: 'Support',
  host: 'imap.example.com',
  port: 993,
  secure: true,
  username: 'support@example.com',
  has_password: true,
  folder: 'INBOX',
  move_to: 'Done',
  enabled: true,
  last_polled_at: null,
  last_error: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('mailboxRequest', () => {
  it('builds a create body with the password and no target folder when mail is flagged', () => {
    expect(mailboxRequest(filled, false)).toEqual({
      ok: true,
      body: { name: 'Support', host: 'imap.example.com', port: 993, secure: true, username: 'support@example.com', password: 's3cret', folder: 'INBOX', move_to: null, enabled: true },
    });
  });

  it('sends the target folder when processed mail is moved', () => {
    const r = mailboxRequest({ ...filled, action: 'move', moveTo: ' Archive ' }, false);
    expect(r.ok && r.body.move_to).toBe('Archive');
  });

  it('leaves the password out of an edit when the field stays empty', () => {
    const r = mailboxRequest(mailboxToForm(stored), true);
    expect(r.ok).toBe(true);
    expect(r.ok && 'password' in r.body).toBe(false);
    expect(r.ok && r.body.move_to).toBe('Done');
  });

  it('sends a newly typed password on edit', () => {
    const r = mailboxRequest({ ...mailboxToForm(stored), password: 'new-pass' }, true);
    expect(r.ok && r.body.password).toBe('new-pass');
  });

  it('requires a password when creating', () => {
    expect(mailboxRequest({ ...filled, password: '' }, false)).toEqual({ ok: false, errors: { password: 'Required' } });
  });

  it('names the bad fields in plain words', () => {
    const r = mailboxRequest({ ...filled, host: 'imap example', port: '', action: 'move', moveTo: '' }, false);
    expect(r).toEqual({ ok: false, errors: { host: 'A host name or IP address', port: 'A port from 1 to 65535', moveTo: 'Required' } });
  });
});

describe('toggleSecure', () => {
  it('moves a standard port along with TLS', () => {
    expect(toggleSecure(filled, false).port).toBe(143);
    expect(toggleSecure({ ...filled, port: 143, secure: false }, true).port).toBe(993);
  });

  it('keeps a custom port', () => {
    expect(toggleSecure({ ...filled, port: 1143 }, false).port).toBe(1143);
  });
});

describe('formErrors', () => {
  it('maps the server move_to error onto the target folder input', () => {
    expect(formErrors({ move_to: 'Too long', host: 'Bad' })).toEqual({ moveTo: 'Too long', host: 'Bad' });
  });
});
