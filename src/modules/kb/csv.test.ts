import { describe, expect, it } from 'vitest';
import { csvToArticles, parseCsv } from './csv';

describe('parseCsv', () => {
  it('splits simple records on commas and line breaks', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas, CRLF line breaks and doubled quotes inside quoted fields', () => {
    expect(parseCsv('q,a\r\n"Hi, there","Line 1\r\nLine 2 says ""yes"""\r\n')).toEqual([
      ['q', 'a'],
      ['Hi, there', 'Line 1\r\nLine 2 says "yes"'],
    ]);
  });

  it('reads empty fields, including a trailing one and an empty quoted one', () => {
    expect(parseCsv('a,,""\nb,')).toEqual([
      ['a', '', ''],
      ['b', ''],
    ]);
  });

  it('accepts bare CR line endings and drops a leading byte-order mark', () => {
    expect(parseCsv('\uFEFFx,y\r1,2')).toEqual([
      ['x', 'y'],
      ['1', '2'],
    ]);
  });

  it('keeps a quote that appears inside an unquoted field as text', () => {
    expect(parseCsv('5" screen,ok')).toEqual([['5" screen', 'ok']]);
  });

  it('returns no records for empty input', () => {
    expect(parseCsv('')).toEqual([]);
  });

  it('throws on a quoted field that is never closed', () => {
    expect(() => parseCsv('a,"never closed\nb,c')).toThrow(/unterminated/);
  });
});

describe('csvToArticles', () => {
  it('turns each question/answer row into an article titled by the question', () => {
    const csv = 'answer,question\n"Go to **Billing**.\n\nThen click Pay.",How do I pay?\n';
    const { articles } = csvToArticles(csv, { category: 'billing', tags: ['faq'] });
    expect(articles).toEqual([
      { slug: 'how-do-i-pay', title: 'How do I pay?', category: 'billing', tags: ['faq'], body: 'Go to **Billing**.\n\nThen click Pay.' },
    ]);
  });

  it('uses the first two columns when there is no header and gives duplicate titles distinct slugs', () => {
    const { articles } = csvToArticles('Reset password?,Use the link.\nReset password?,Ask an admin.');
    expect(articles.map((a) => a.slug)).toEqual(['reset-password', 'reset-password-2']);
  });

  it('skips rows with an empty question or answer and reports their record numbers', () => {
    const { articles, skippedRecords } = csvToArticles('question,answer\nQ1,A1\n,A2\nQ3,\n\nQ5,A5');
    expect(articles.map((a) => a.title)).toEqual(['Q1', 'Q5']);
    expect(skippedRecords).toEqual([3, 4]);
  });

  it('takes a valid per-row category column over the default', () => {
    const { articles } = csvToArticles('question,answer,category\nQ,A,Technical\nR,B,unknown');
    expect(articles.map((a) => a.category)).toEqual(['technical', 'general']);
  });
});
