import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet';

describe('snippetParts', () => {
  it('turns <mark> runs into highlighted parts and keeps other text plain', () => {
    expect(snippetParts('Go to <mark>Settings</mark> and click <mark>reset</mark>.')).toEqual([
      { text: 'Go to ', mark: false },
      { text: 'Settings', mark: true },
      { text: ' and click ', mark: false },
      { text: 'reset', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('leaves any other markup as literal text for the page to escape', () => {
    expect(snippetParts('<img src=x onerror=alert(1)> <mark>password</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: 'password', mark: true },
    ]);
  });

  it('drops Markdown heading and emphasis markers', () => {
    expect(snippetParts('## Reset **your** password')).toEqual([{ text: ' Reset your password', mark: false }]);
  });
});
