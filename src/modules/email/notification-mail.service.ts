import type { Db } from '../../core/db';
import type { OutboxDeps } from './email.context';
import type { OutboxKind } from './email.table';
import { enqueueEmail, type NewEmail } from './outbox.service';
import { renderTemplate, textToHtml } from './templates';
import { templateFor } from './templates.service';

export interface NotificationEmail {
  to: string;
  subject: string;
  /** Plain text; the HTML version is derived from it. */
  body: string;
  kind?: Extract<OutboxKind, 'notification' | 'invitation'>;
  ticketId?: string | null;
  attachments?: NewEmail['attachments'];
  dedupeKey?: string;
}

/** For other modules (escalation/SLA notices, meeting invitations): the "notification" template, queued in `tx`. */
export async function enqueueNotificationEmail(ctx: OutboxDeps, tx: Db, input: NotificationEmail) {
  const template = await templateFor(ctx, tx, 'notification');
  const rendered = renderTemplate(template, {
    subject: input.subject,
    body: input.body,
    body_html: textToHtml(input.body),
    support: { name: ctx.config.CLARA_SUPPORT_NAME, address: ctx.config.CLARA_SUPPORT_ADDRESS },
  });
  return enqueueEmail(ctx, tx, {
    kind: input.kind ?? 'notification',
    to: input.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    ticketId: input.ticketId ?? null,
    attachments: input.attachments,
    dedupeKey: input.dedupeKey,
  });
}
