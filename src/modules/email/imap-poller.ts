import { ImapFlow } from 'imapflow';
import type { CoreContext } from '../../core/context';
import { storeRawEmail } from './inbound-store.service';

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  folder: string;
  /** Move processed mail here; when unset it is flagged \Seen. */
  moveTo: string | null;
  /** Recorded on each stored mail ('imap:env', 'mailbox:<id>'). */
  source: string;
}

export function imapSettingsFromUrl(url: string, source: string): ImapSettings {
  const u = new URL(url);
  const secure = u.protocol === 'imaps:';
  const folder = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'INBOX';
  return {
    host: u.hostname,
    port: Number(u.port) || (secure ? 993 : 143),
    secure,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    folder,
    moveTo: u.searchParams.get('move_to'),
    source,
  };
}

const FALLBACK_POLL_MS = 60_000;
const RECONNECT_MS = 5_000;

// Fetches unseen mail, stores it raw, and only after that commit flags it \Seen (or moves it):
// a crash in between means the next poll fetches it again, and the Message-ID makes that a no-op.
export class ImapPoller {
  private client: ImapFlow | null = null;
  private running = false;
  private wake: (() => void) | null = null;
  // Set by an EXISTS that arrives while a poll runs, so that mail is not left for the slow poll.
  private changed = false;
  private loop: Promise<void> | null = null;
  lastError: string | null = null;
  lastPolledAt: Date | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly settings: ImapSettings,
    private readonly pollMs = FALLBACK_POLL_MS,
    private readonly onPoll?: (at: Date | null, error: string | null) => Promise<void>,
  ) {}

  private connect(): ImapFlow {
    const s = this.settings;
    // IDLE half a second after the last command (imapflow waits 15 s by default), so new mail shows at once.
    return new ImapFlow({ host: s.host, port: s.port, secure: s.secure, auth: { user: s.user, pass: s.pass }, logger: false, autoIdleDelay: 500 });
  }

  async pollOnce(): Promise<number> {
    const client = this.client ?? this.connect();
    const own = client !== this.client;
    if (own) await client.connect();
    let stored = 0;
    try {
      const lock = await client.getMailboxLock(this.settings.folder);
      try {
        const uids = (await client.search({ seen: false }, { uid: true })) || [];
        for (const uid of uids) {
          const msg = await client.fetchOne(String(uid), { source: true }, { uid: true });
          if (!msg || !msg.source) continue;
          await storeRawEmail(this.ctx, msg.source, this.settings.source);
          if (this.settings.moveTo) await client.messageMove(String(uid), this.settings.moveTo, { uid: true });
          else await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
          stored += 1;
        }
      } finally {
        lock.release();
      }
    } finally {
      if (own) await client.logout().catch(() => undefined);
    }
    this.lastPolledAt = this.ctx.clock.now();
    this.lastError = null;
    await this.onPoll?.(this.lastPolledAt, null).catch(() => undefined);
    return stored;
  }

  /** Stays connected; IMAP IDLE reports new mail at once, a slow poll covers servers without it. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        this.client = this.connect();
        this.client.on('exists', () => {
          this.changed = true;
          this.wake?.();
        });
        this.client.on('close', () => this.wake?.());
        this.client.on('error', (err: Error) => (this.lastError = err.message));
        await this.client.connect();
        await this.client.mailboxOpen(this.settings.folder);
        while (this.running && this.client.usable) {
          this.changed = false;
          await this.pollOnce();
          await this.sleep(this.pollMs);
        }
      } catch (err) {
        this.lastError = err instanceof Error ? err.message : String(err);
        this.ctx.log.warn({ source: this.settings.source, err: this.lastError }, 'IMAP poll failed');
        await this.onPoll?.(this.lastPolledAt, this.lastError).catch(() => undefined);
        if (this.running) await this.sleep(RECONNECT_MS);
      } finally {
        await this.client?.logout().catch(() => undefined);
        this.client?.close();
        this.client = null;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.changed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }
}
