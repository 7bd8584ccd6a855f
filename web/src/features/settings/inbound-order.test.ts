import { describe, expect, it } from 'vitest';
import type { InboundEmailView } from './api/inbound-emails';
import { sortInbound } from './inbound-order';

const mail = (id: string, status: InboundEmailView['status'], received_at: string): InboundEmailView => ({
  id,
  message_id: `<${id}@example.com>`,
  source: 'smtp',
  status,
  from: 'dana@example.com',
  subject: id,
  ticket_id: null,
  outcome: null,
  error: null,
  received_at,
  processed_at: null,
});

describe('sortInbound', () => {
  it('puts failed mail first, then the newest', () => {
    const sorted = sortInbound([
      mail('old-ok', 'processed', '2026-01-01T08:00:00Z'),
      mail('new-ok', 'processed', '2026-01-02T08:00:00Z'),
      mail('old-failed', 'failed', '2026-01-01T07:00:00Z'),
      mail('new-failed', 'failed', '2026-01-02T07:00:00Z'),
      mail('ignored', 'ignored', '2026-01-03T07:00:00Z'),
    ]);
    expect(sorted.map((m) => m.id)).toEqual(['new-failed', 'old-failed', 'new-ok', 'old-ok', 'ignored']);
  });
});
