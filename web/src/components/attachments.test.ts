import { describe, expect, it } from 'vitest';
import { formatBytes } from './attachments';

describe('formatBytes', () => {
  it('reads like a file manager', () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(200 * 1024), formatBytes(3.5 * 1024 * 1024)]).toEqual(['512 B', '2.0 KB', '200 KB', '3.5 MB']);
  });
});
