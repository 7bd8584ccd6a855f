import type { Db } from '../../core/db';
import { hashToken, randomToken } from '../../core/secrets';
import { insertStatusLink } from './tickets.queries';

/** A new link to the ticket's status page; the raw token exists only in what the customer receives. */
export async function issueStatusLink(db: Db, ticketId: string, now: Date): Promise<string> {
  const token = randomToken(24);
  await insertStatusLink(db, ticketId, hashToken(token), now);
  return token;
}

/** The customer-facing page (web app) for a status token. */
export function statusPageUrl(publicBase: string, token: string): string {
  return new URL(`/support/status/${encodeURIComponent(token)}`, publicBase).toString();
}
