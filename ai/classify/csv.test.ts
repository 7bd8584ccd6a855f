import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('classify parseCsv', () => {
  it('keys each record by the header, keeping quoted commas, quotes and line breaks', () => {
    expect(parseCsv('\uFEFFtext,label\r\n"Hi, ""you""\nthere",a\r\nplain,b\r\n')).toEqual([
      { text: 'Hi, "you"\nthere', label: 'a' },
      { text: 'plain', label: 'b' },
    ]);
  });

  it('drops records whose field count differs from the header, and reads an empty file as no records', () => {
    expect(parseCsv('a,b\n1,2\n3\n4,5,6\n7,8')).toEqual([
      { a: '1', b: '2' },
      { a: '7', b: '8' },
    ]);
    expect(parseCsv('')).toEqual([]);
  });
});
