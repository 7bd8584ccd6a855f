import type { CoreContext } from '../../core/context';
import type { Mailer } from './mailer';

/** What the outbox needs to queue a row inside someone else's transaction. */
export type OutboxDeps = Pick<CoreContext, 'config' | 'clock' | 'jobs' | 'cache'>;

export interface EmailPorts {
  /** Null when CLARA_SMTP_URL is unset: rows wait in the outbox until SMTP is configured. */
  mailer: Mailer | null;
  workerId: string;
  /** Admin changed the mailboxes: pollers restart with the new settings. */
  mailboxesChanged(): Promise<void>;
  /** Starts the inbound transports that the configuration asks for (server only). */
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): Record<string, { enabled: boolean; detail: string }>;
  /** The port the SMTP listener got (CLARA_SMTP_LISTEN_PORT=0 picks a free one); null when off. */
  readonly listenerPort: number | null;
}

export interface EmailContext extends CoreContext {
  email: EmailPorts;
}
