import type { EmailContext } from './email.context';
import { outboxBacklog } from './outbox.queries';
import { emailLinksBase } from './ticket-mail.service';

// A backlog this old means customers are not hearing back (the sender retries for about a day).
const STUCK_AFTER_MS = 15 * 60_000;

/** What a lead needs to know about outgoing mail: is it sent at all, what waits, what failed. */
export async function mailStatus(ctx: EmailContext) {
  const backlog = await outboxBacklog(ctx.db);
  const sending = ctx.email.mailer !== null;
  const linksBase = emailLinksBase(ctx.config);
  const warnings: string[] = [];
  if (!sending) {
    warnings.push(
      `Outgoing mail is off (CLARA_SMTP_URL is not set): customers get no acknowledgments or replies by email${backlog.waiting ? `, and ${backlog.waiting} email${backlog.waiting === 1 ? ' is' : 's are'} waiting in the outbox` : ''}.`,
    );
  } else if (backlog.oldestWaitingAt && ctx.clock.now().getTime() - backlog.oldestWaitingAt.getTime() > STUCK_AFTER_MS) {
    warnings.push(`${backlog.waiting} email${backlog.waiting === 1 ? ' has' : 's have'} been waiting to be sent for more than 15 minutes: check the SMTP server.`);
  }
  if (backlog.dead) warnings.push(`${backlog.dead} email${backlog.dead === 1 ? '' : 's'} could not be sent and ${backlog.dead === 1 ? 'was' : 'were'} given up on; an admin can send them again under Email dead letters.`);
  if (!ctx.config.CLARA_PUBLIC_URL) warnings.push(`CLARA_PUBLIC_URL is not set: links in customer emails point to ${linksBase}.`);
  return {
    sending,
    waiting: backlog.waiting,
    dead: backlog.dead,
    oldest_waiting_at: backlog.oldestWaitingAt?.toISOString() ?? null,
    links_base_url: linksBase,
    warnings,
  };
}
