import type { Db } from '../../core/db';
import { findActiveUserIdsByRole, notifyUsers } from '../notifications';
import { canTransition, insertHistory, PRIORITIES, type HistoryInput, type TicketRow, type TicketsContext } from '../tickets';
import { findActiveMemberIds } from './assignment.queries';
import { pickAssignee } from './assignment.service';
import { findQueueByNameOrId, findUsersByIds, updateTicketFields } from './escalation.queries';
import type { Action } from './rules.schema';

type Actor = { actorType: string; actorId: string | null };

/** One escalation in progress: the ticket as changed so far, its history and who hears about it. */
export class EscalationWork {
  readonly changes: Partial<TicketRow> = {};
  readonly history: HistoryInput[] = [];
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

  set(values: Partial<TicketRow>): void {
    Object.assign(this.changes, values);
    this.row = { ...this.row, ...values };
  }

  record(action: string, oldValue: unknown, newValue: unknown, comment: string | null): void {
    this.history.push({ ticketId: this.row.id, ...this.actor, action, oldValue, newValue, comment, createdAt: this.now });
    this.changed.add(action);
  }

  tell(userIds: (string | null)[], reason: string): void {
    for (const id of userIds) if (id) this.notify.set(id, [...(this.notify.get(id) ?? []), reason]);
  }

  async escalate(comment: string): Promise<void> {
    if (this.row.status === 'escalated' || !canTransition(this.row.status, 'escalated')) return;
    const from = this.row.status;
    this.set({ status: 'escalated', ...(await this.ctx.sla.statusChanged(this.tx, this.row, 'escalated', this.now)) });
    this.record('status_changed', from, 'escalated', comment);
  }

  async moveTo(queueRef: string, comment: string): Promise<void> {
    const queue = await findQueueByNameOrId(this.tx, queueRef);
    if (!queue || queue.id === this.row.queueId) return;
    const from = this.row.queueId;
    this.set({ queueId: queue.id });
    this.record('queue_changed', from, queue.id, comment);
  }

  async assign(userId: string, comment: string): Promise<void> {
    if (userId === this.row.assigneeId) return;
    const from = this.row.assigneeId;
    this.set({ assigneeId: userId });
    this.record('assigned', from, userId, comment);
    this.assigned.push(userId);
  }

  async apply(action: Action, reason: string, comment: string): Promise<void> {
    switch (action.type) {
      case 'set_status':
        return this.escalate(comment);
      case 'move_to_queue':
        return this.moveTo(action.queue, comment);
      case 'raise_priority': {
        const from = this.row.priority;
        if (PRIORITIES.indexOf(action.to) >= PRIORITIES.indexOf(from)) return;
        this.set({ priority: action.to });
        this.set(await this.ctx.sla.recompute(this.tx, this.row, this.now));
        return this.record('priority_changed', from, action.to, comment);
      }
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
      case 'add_tag': {
        const from = this.row.tags;
        if (from.includes(action.tag)) return;
        this.set({ tags: [...from, action.tag] });
        return this.record('tags_changed', from, this.row.tags, comment);
      }
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
    if (this.history.length === 0) return;
    await updateTicketFields(this.tx, this.row.id, { ...this.changes, updatedAt: this.now });
    await insertHistory(this.tx, this.history);
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
