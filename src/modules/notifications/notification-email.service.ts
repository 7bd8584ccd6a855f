import type { CoreContext } from '../../core/context';
import { enqueueNotificationEmail } from '../email';
import { claimQueuedNotificationEmails, setEmailState, type QueuedNotificationEmail } from './notifications.queries';

const BATCH = 100;
const TICK_MS = 15_000;

function emailBody(ctx: CoreContext, n: QueuedNotificationEmail): string {
  const parts = [n.body.trim()].filter(Boolean);
  if (n.ticketNumber !== null && ctx.config.CLARA_PUBLIC_URL) {
    parts.push(`Open ticket #${n.ticketNumber}: ${new URL(`/tickets/${n.ticketNumber}`, ctx.config.CLARA_PUBLIC_URL).toString()}`);
  }
  parts.push('You get this email because Clara notified you in the app as well.');
  return parts.join('\n\n');
}

/**
 * Hands queued in-app notifications to the email outbox, in one transaction: a notification is
 * marked 'sent' only together with its outbox row, so none is lost or mailed twice. Deactivated
 * users' notifications are marked 'skipped'. Returns how many emails were queued.
 */
export async function mailQueuedNotifications(ctx: CoreContext, limit = BATCH): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const rows = await claimQueuedNotificationEmails(tx, limit);
    const sent: string[] = [];
    const skipped: string[] = [];
    for (const n of rows) {
      if (!n.active) {
        skipped.push(n.id);
        continue;
      }
      await enqueueNotificationEmail(ctx, tx, {
        to: n.email,
        subject: n.title,
        body: emailBody(ctx, n),
        ticketId: n.ticketId,
        dedupeKey: `notification:${n.id}`,
      });
      sent.push(n.id);
    }
    await setEmailState(tx, sent, 'sent');
    await setEmailState(tx, skipped, 'skipped');
    return sent.length;
  });
}

/** Starts the periodic hand-over; the returned function stops it. */
export function startNotificationMailer(ctx: CoreContext): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      while ((await mailQueuedNotifications(ctx)) === BATCH);
    } catch (err) {
      ctx.log.error({ err }, 'queueing notification emails failed');
    } finally {
      busy = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), TICK_MS);
  return () => clearInterval(timer);
}
