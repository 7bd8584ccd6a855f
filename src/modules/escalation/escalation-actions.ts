import type { Db } from '../../core/db';
import { findActiveUserIdsByRole, notifyUsers } from '../notifications';
import { applyTicketChange, canTransition, PRIORITIES, type TicketChange, type TicketEvent, type TicketRow, type TicketsContext } from '../tickets';
import { findActiveMemberIds } from './assignment.queries';
import { pickAssignee } from './assignment.service';
import { findQueueByNameOrId, findUsersByIds } from './escalation.queries';
import type { Action } from './rules.schema';

type Actor = { actorType: string; actorId: string | null };

/**
 * One escalation in progress: every ticket change goes through `applyTicketChange` (one call per
 * action, with that action's comment); events (`escalated`, `deescalated`) wait for the next change
 * or for `flush`, so the history keeps its order. Notifications are sent by `flush`.
 */
export class EscalationWork {
  private readonly events: TicketEvent[] = [];
  private wrote = false;
  readonly notify = new Map<string, string[]>();
  readonly assigned: string[] = [];
  readonly changed = new Set<string>();

  constructor(
    private readonly ctx: TicketsContext,
    readonly tx: Db,
    public row: TicketRow,
    readonly actor: Actor,
    readonly now: Date,
  ) {}

  /** A history row that is not a field change; written with the next change. */
  record(action: string, oldValue: unknown, newValue: unknown, comment: string | null): void {
    this.events.push({ action, oldValue, newValue, comment });
  }

  /** Applies one change now (the status table, SLA and history rules of the tickets module hold). */
  async change(change: TicketChange, comment: string | null): Promise<void> {
    const { row, actions } = await applyTicketChange(this.tx, this.ctx.sla, this.actor, this.row, change, {
      now: this.now,
      reason: comment,
      events: this.events.splice(0),
    });
    this.row = row;
    for (const a of actions) this.changed.add(a);
    this.wrote ||= actions.length > 0;
  }

  tell(userIds: (string | null)[], reason: string): void {
    for (const id of userIds) if (id) this.notify.set(id, [...(this.notify.get(id) ?? []), reason]);
  }

  async escalate(comment: string): Promise<void> {
    if (this.row.status === 'escalated' || !canTransition(this.row.status, 'escalated')) return;
    await this.change({ status: 'escalated' }, comment);
  }

  async moveTo(queueRef: string, comment: string): Promise<void> {
    const queue = await findQueueByNameOrId(this.tx, queueRef);
    if (!queue || queue.id === this.row.queueId) return;
    await this.change({ queueId: queue.id }, comment);
  }

  async assign(userId: string, comment: string): Promise<void> {
    if (userId === this.row.assigneeId) return;
    await this.change({ assigneeId: userId }, comment);
    this.assigned.push(userId);
  }

  async apply(action: Action, reason: string, comment: string): Promise<void> {
    switch (action.type) {
      case 'set_status':
        return this.escalate(comment);
      case 'move_to_queue':
        return this.moveTo(action.queue, comment);
      case 'raise_priority':
        if (PRIORITIES.indexOf(action.to) >= PRIORITIES.indexOf(this.row.priority)) return;
        return this.change({ priority: action.to }, comment);
      case 'assign': {
        const [user] = await findUsersByIds(this.tx, [action.user_id]);
        if (user?.active && user.role !== 'viewer') await this.assign(user.id, comment);
        return;
      }
      case 'assign_round_robin': {
        const queue = action.queue ? await findQueueByNameOrId(this.tx, action.queue) : null;
        const picked = await pickAssignee(this.tx, queue?.id ?? this.row.queueId, undefined, this.now);
        if (picked) await this.assign(picked, comment);
        return;
      }
      case 'add_tag':
        if (this.row.tags.includes(action.tag)) return;
        return this.change({ tags: [...this.row.tags, action.tag] }, comment);
      case 'notify':
        return this.tell(await this.recipients(action.recipients, action.user_ids), reason);
    }
  }

  private async recipients(kinds: string[], userIds: string[]): Promise<string[]> {
    const out = [...userIds];
    if (kinds.includes('assignee') && this.row.assigneeId) out.push(this.row.assigneeId);
    if (kinds.includes('queue')) out.push(...(await findActiveMemberIds(this.tx, this.row.queueId)));
    if (kinds.includes('leads')) out.push(...(await findActiveUserIdsByRole(this.tx, ['lead'])));
    if (kinds.includes('admins')) out.push(...(await findActiveUserIdsByRole(this.tx, ['admin'])));
    return out;
  }

  /** Writes the ticket change, its history and the notifications; the caller commits. */
  async flush(opts: { title: string; skipUser?: string | null }): Promise<void> {
    if (this.events.length > 0) await this.change({}, null);
    if (!this.wrote) return;
    const n = this.row.number;
    for (const [userId, reasons] of this.notify) {
      if (userId === opts.skipUser) continue;
      await notifyUsers(this.tx, [userId], { type: 'escalation', ticketId: this.row.id, title: opts.title, body: [...new Set(reasons)].join('\n') }, this.now);
    }
    for (const userId of new Set(this.assigned)) {
      if (userId === opts.skipUser) continue;
      await notifyUsers(this.tx, [userId], { type: 'assignment', ticketId: this.row.id, title: `Ticket #${n} was assigned to you`, body: this.row.subject }, this.now);
    }
  }
}
