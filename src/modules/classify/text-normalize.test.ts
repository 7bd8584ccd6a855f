import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeTicket, tokenize } from './text-normalize.js';

describe('normalizeText', () => {
  it('drops lines quoted with ">"', () => {
    const text = 'The export fails again.\n> Did you try restarting?\n> Regards, Support';
    expect(normalizeText(text)).toBe('the export fails again.');
  });

  it('cuts everything from an "On ... wrote:" header', () => {
    const text = 'Still broken for me.\n\nOn Mon, 3 Jun 2024 at 10:02, Clara Support <help@clara.dev>\nwrote:\nHave you cleared the cache?';
    expect(normalizeText(text)).toBe('still broken for me.');
  });

  it('cuts a forwarded "-----Original Message-----" block', () => {
    const text = 'See below, invoice is wrong.\n-----Original Message-----\nFrom: billing@vendor.com\nYour invoice is attached';
    expect(normalizeText(text)).toBe('see below, invoice is wrong.');
  });

  it('removes a "-- " signature block', () => {
    const text = 'Login page shows error 500.\n-- \nTom Baker\nAcme Corp | +1 555 0100';
    expect(normalizeText(text)).toBe('login page shows error 500.');
  });

  it('removes "Sent from my iPhone" footers', () => {
    expect(normalizeText('App crashes on start\n\nSent from my iPhone')).toBe('app crashes on start');
  });

  it('removes a "Best regards, Name" sign-off', () => {
    const text = 'Please send the March invoice.\n\nBest regards,\nAnna Schmidt\nOps Lead';
    expect(normalizeText(text)).toBe('please send the march invoice.');
  });

  it('keeps a paragraph that merely starts with thanks', () => {
    const text = 'Thanks for the quick reply.\nThe sync still fails every night with a timeout error and we lose the whole day of changes in our reports.';
    expect(normalizeText(text)).toContain('sync still fails');
  });

  it('replaces URLs and e-mail addresses with placeholder tokens', () => {
    const text = 'See https://status.example.com/incidents/42 or write to ops@example.com';
    expect(normalizeText(text)).toBe('see urltoken or write to emailtoken');
  });

  it('turns literal "\\n" sequences into line breaks before stripping', () => {
    expect(normalizeText('Server is down.\\n\\nBest regards,\\nLi')).toBe('server is down.');
  });

  it('collapses whitespace and lowercases', () => {
    expect(normalizeText('  Error   IN\t\tExport  ')).toBe('error in export');
  });
});

describe('normalizeTicket', () => {
  it('joins subject and description without reply prefixes', () => {
    expect(normalizeTicket({ subject: 'RE: Fwd: Refund', description: 'Where is it?' })).toBe('refund where is it?');
  });
});

describe('tokenize', () => {
  it('merges apostrophes so "can\'t" matches "cant"', () => {
    expect(tokenize("i can't log in")).toEqual(['i', 'cant', 'log', 'in']);
  });
});
