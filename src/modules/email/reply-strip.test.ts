import { describe, expect, it } from 'vitest';
import { stripReply } from './reply-strip';

describe('stripReply', () => {
  it('cuts Gmail-style "On … wrote:" history, also when the header wraps', () => {
    expect(stripReply('Thanks, that worked!\n\nOn Mon, 2 Mar 2026 at 09:00, Clara <support@clara.local> wrote:\n> Try again')).toBe('Thanks, that worked!');
    expect(stripReply('Fixed.\n\nOn Mon, 2 Mar 2026 at 09:00, Clara Support\n<support@clara.local> wrote:\n> Try again')).toBe('Fixed.');
  });

  it('cuts Outlook header blocks and "Original Message" separators', () => {
    expect(stripReply('See below.\r\n\r\nFrom: Clara Support <support@clara.local>\r\nSent: Monday, March 2, 2026 9:00 AM\r\nTo: me\r\n\r\nold text')).toBe('See below.');
    expect(stripReply('Yes.\n-----Original Message-----\nFrom: x')).toBe('Yes.');
  });

  it('cuts signatures and trailing quoted lines', () => {
    expect(stripReply('Still broken.\n-- \nJane Doe\nACME Corp')).toBe('Still broken.');
    expect(stripReply('Here you go.\n\nSent from my iPhone')).toBe('Here you go.');
    expect(stripReply('Done.\n\n> earlier\n> text\n')).toBe('Done.');
  });

  it('keeps inline answers between quotes and German/French headers are cut', () => {
    expect(stripReply('> Which version?\n2.4.1\n> Which OS?\nLinux')).toBe('> Which version?\n2.4.1\n> Which OS?\nLinux');
    expect(stripReply('Danke!\n\nAm 02.03.2026 um 09:00 schrieb Clara <support@clara.local>:\n> alt')).toBe('Danke!');
    expect(stripReply('Merci.\n\nLe lun. 2 mars 2026 à 09:00, Clara a écrit :\n> vieux')).toBe('Merci.');
  });

  it('keeps the whole text when stripping would leave nothing', () => {
    expect(stripReply('> only a quote')).toBe('> only a quote');
  });
});
