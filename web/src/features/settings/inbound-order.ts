import type { InboundEmailView, InboundStatus } from './api/inbound-emails';

const ORDER: Record<InboundStatus, number> = { failed: 0, received: 1, processed: 2, ignored: 3 };

/** Failures first (they need someone), then newest first. */
export function sortInbound(items: InboundEmailView[]): InboundEmailView[] {
  return [...items].sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.received_at.localeCompare(a.received_at));
}
