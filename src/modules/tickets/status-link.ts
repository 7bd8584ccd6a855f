import type { Db } from '../../core/db';
import { hashToken, randomToken } from '../../core/secrets';
import { insertStatusLink } from './tickets.queries';

/**
 * A new link to the ticket's status page: the raw token, which exists only in what the customer receives,
 * and the write of its hash (already sent, so the caller can send the rest of its work alongside).
 */
export function issueStatusLink(db: Db, ticketId: string, now: Date): { token: string; stored: Promise<void> } {
  const token = randomToken(24);
  const stored = insertStatusLink(db, ticketId, hashToken(token), now);
  stored.catch(() => undefined); // the caller awaits it; a failure then fails its transaction
  return { token, stored };
}

/** The customer-facing page (web app) for a status token. */
export function statusPageUrl(publicBase: string, token: string): string {
  return new URL(`/support/status/${encodeURIComponent(token)}`, publicBase).toString();
}
