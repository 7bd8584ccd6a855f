import { describe, expect, it } from 'vitest';
import { parentMessageIds, referencesFor, taggedSubject, ticketNumberFromSubject } from './threading';
import { renderTemplate } from './templates';

describe('threading headers', () => {
  it('tags a subject once and prefixes one Re:', () => {
    expect(taggedSubject('Printer broken', 1234)).toBe('Re: [#1234] Printer broken');
    expect(taggedSubject('RE: Fwd: Re: [#1234] Printer broken', 1234)).toBe('Re: [#1234] Printer broken');
  });

  it('reads the ticket number from a tag anywhere in the subject', () => {
    expect(ticketNumberFromSubject('AW: [#1001] Login')).toBe(1001);
    expect(ticketNumberFromSubject('Invoice #1001')).toBeNull();
  });

  it('lists parent Message-IDs nearest first, without duplicates', () => {
    expect(parentMessageIds('<c@x>', ['<a@x>', '<b@x>', '<c@x>'])).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(parentMessageIds(undefined, '<a@x> <b@x>')).toEqual(['<b@x>', '<a@x>']);
  });

  it('keeps the thread root when References would get too long', () => {
    const ids = Array.from({ length: 30 }, (_, i) => `<${i}@x>`);
    const refs = referencesFor(ids, 5);
    expect(refs).toEqual(['<0@x>', '<26@x>', '<27@x>', '<28@x>', '<29@x>']);
  });
});

describe('templates', () => {
  it('escapes values in HTML but not in text, and keeps subjects on one line', () => {
    const out = renderTemplate({ subject: '{{s}}', text: 'Hi {{name}}', html: '<p>Hi {{name}}</p>' }, { s: 'a\r\nBcc: x@y', name: 'Tom & <Jerry>' });
    expect(out).toEqual({ subject: 'a Bcc: x@y', text: 'Hi Tom & <Jerry>', html: '<p>Hi Tom &amp; &lt;Jerry&gt;</p>' });
  });
});
