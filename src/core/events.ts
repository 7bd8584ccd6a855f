import type { Logger } from './logger';

export interface ClaraEvents {
  'ticket.created': { ticketId: string; actorType: string };
  'ticket.updated': { ticketId: string; changes: string[]; actorType: string };
  'ticket.message_added': { ticketId: string; messageId: string; authorType: string; internal: boolean };
  'ticket.sla_changed': { ticketId: string; target: 'first_response' | 'resolution'; state: 'warning' | 'breached' };
  'ticket.escalated': { ticketId: string; ruleId: string | null; reason: string; actorType: string };
  'ticket.deescalated': { ticketId: string; reason: string; actorType: string };
  'kb.changed': { articleId: string };
  /** A queue's description changed (the classifier reads descriptions as category evidence). */
  'queue.changed': { queueId: string };
  /** A staff account lost access (deactivated) or its password was reset: its sessions must end. */
  'user.credentials_revoked': { userId: string };
}

type Listener<K extends keyof ClaraEvents> = (payload: ClaraEvents[K]) => Promise<void> | void;

// In-process events, emitted after commit. Durable side effects enqueue jobs instead.
export class EventBus {
  private readonly listeners = new Map<keyof ClaraEvents, Listener<never>[]>();

  constructor(private readonly log: Logger) {}

  on<K extends keyof ClaraEvents>(name: K, listener: Listener<K>): void {
    const list = this.listeners.get(name) ?? [];
    list.push(listener as Listener<never>);
    this.listeners.set(name, list);
  }

  async emit<K extends keyof ClaraEvents>(name: K, payload: ClaraEvents[K]): Promise<void> {
    for (const listener of this.listeners.get(name) ?? []) {
      try {
        await (listener as Listener<K>)(payload);
      } catch (err) {
        this.log.error({ err, event: name }, 'event listener failed');
      }
    }
  }
}
