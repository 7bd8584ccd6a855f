import { randomBytes } from 'node:crypto';
import type { SMTPServer } from 'smtp-server';
import type { CoreContext } from '../../core/context';
import type { EmailPorts } from './email.context';
import { ImapPoller, imapSettingsFromUrl } from './imap-poller';
import { createMailer, type Mailer } from './mailer';
import { enabledMailboxSettings, recordMailboxPoll } from './mailboxes.service';
import { defaultWorkerId, resumePendingOutbox } from './outbox.service';
import { closeServer, createSmtpListener, listen } from './smtp-listener';

type Feature = { enabled: boolean; detail: string };

const SWEEP_MS = 5 * 60_000;

// The email channel's moving parts: the outbound mailer always, and the inbound transports
// (SMTP listener, IMAP pollers) only once the server starts them; tests start what they need.
export class EmailRuntime implements EmailPorts {
  readonly mailer: Mailer | null;
  readonly workerId = `${defaultWorkerId()}:${randomBytes(3).toString('hex')}`;
  private listener: SMTPServer | null = null;
  listenerPort: number | null = null;
  private envPoller: ImapPoller | null = null;
  private readonly mailboxPollers = new Map<string, ImapPoller>();
  private started = false;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(private readonly ctx: CoreContext) {
    this.mailer = createMailer(ctx.config.CLARA_SMTP_URL);
  }

  async start(): Promise<void> {
    const { config } = this.ctx;
    this.started = true;
    if (config.CLARA_SMTP_LISTEN_PORT !== undefined) {
      this.listener = createSmtpListener(this.ctx);
      this.listenerPort = await listen(this.listener, config.CLARA_SMTP_LISTEN_PORT, config.CLARA_SMTP_LISTEN_HOST);
      this.ctx.log.info({ port: this.listenerPort }, 'SMTP listener ready');
    }
    if (config.CLARA_IMAP_URL) {
      this.envPoller = new ImapPoller(this.ctx, imapSettingsFromUrl(config.CLARA_IMAP_URL, 'imap:env'));
      this.envPoller.start();
    }
    await this.mailboxesChanged();
    if (config.CLARA_JOBS && this.mailer) {
      const sweep = () => resumePendingOutbox({ ...this.ctx, email: this }).catch((err: unknown) => this.ctx.log.error({ err }, 'outbox sweep failed'));
      this.sweepTimer = setInterval(sweep, SWEEP_MS);
      this.sweepTimer.unref();
    }
  }

  /** Restarts the pollers of admin-configured mailboxes after a change (no-op before start). */
  async mailboxesChanged(): Promise<void> {
    if (!this.started) return;
    await Promise.all([...this.mailboxPollers.values()].map((p) => p.stop()));
    this.mailboxPollers.clear();
    for (const settings of await enabledMailboxSettings(this.ctx)) {
      const poller = new ImapPoller(this.ctx, settings, 60_000, (at, error) => recordMailboxPoll(this.ctx, settings.id, at, error));
      this.mailboxPollers.set(settings.id, poller);
      poller.start();
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    if (this.listener) await closeServer(this.listener);
    this.listener = null;
    await this.envPoller?.stop();
    await Promise.all([...this.mailboxPollers.values()].map((p) => p.stop()));
    this.mailboxPollers.clear();
    this.mailer?.close();
  }

  health(): Record<string, Feature> {
    const pollers = [...(this.envPoller ? [this.envPoller] : []), ...this.mailboxPollers.values()];
    const failing = pollers.filter((p) => p.lastError);
    return {
      email_outbound: { enabled: Boolean(this.mailer), detail: this.mailer?.description ?? 'no CLARA_SMTP_URL: emails wait in the outbox' },
      email_smtp_listener: { enabled: this.listener !== null, detail: this.listener ? `listening on port ${this.listenerPort}` : 'off (CLARA_SMTP_LISTEN_PORT unset)' },
      email_imap: {
        enabled: pollers.length > 0 && failing.length === 0,
        detail: pollers.length === 0 ? 'no mailbox configured' : failing.length ? `${failing.length} of ${pollers.length} mailboxes failing: ${failing[0]!.lastError}` : `${pollers.length} mailbox(es) polled`,
      },
    };
  }
}
