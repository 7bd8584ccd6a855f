import { ManualClock } from '../../core/clock';
import { createRng } from '../../core/prng';
import { EventBus } from '../../core/events';
import { systemActor, type Actor } from '../../core/rbac';
import { autoAnswerTicket, type KbContext } from '../kb';
import { addCustomerMessage, addStaffMessage, createTicket, updateTicket, type Category, type Priority, type Status, type TicketsContext } from '../tickets';
import { HISTORY_CUSTOMERS, HISTORY_TEMPLATES } from './demo-history';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One step of a ticket's life, at its time. */
export type DemoStep =
  | { at: Date; kind: 'create' }
  | { at: Date; kind: 'auto_answer' }
  | { at: Date; kind: 'assign'; agent: string }
  | { at: Date; kind: 'reply'; agent: string; body: string }
  | { at: Date; kind: 'customer'; body: string }
  | { at: Date; kind: 'status'; agent: string; status: Status };

export interface DemoTicketPlan {
  subject: string;
  description: string;
  channel: 'email' | 'web' | 'chat' | 'voice';
  customer: { email: string; name: string };
  category?: Category;
  priority?: Priority;
  tags?: string[];
  steps: DemoStep[];
}

// How long the first answer takes, by priority: inside the default SLA (urgent 30 min, high 2 h,
// normal 12 h, low 24 h), except one time in ten, when it comes up to twice the target late.
const FIRST_REPLY: Record<Priority, [number, number]> = {
  urgent: [5 * MINUTE, 25 * MINUTE],
  high: [15 * MINUTE, 100 * MINUTE],
  normal: [30 * MINUTE, 9 * HOUR],
  low: [1 * HOUR, 20 * HOUR],
};
const SLA_FIRST_REPLY: Record<Priority, number> = { urgent: 30 * MINUTE, high: 2 * HOUR, normal: 12 * HOUR, low: 24 * HOUR };

/** Working-hour arrivals over the last `days` days: about three a weekday, one at weekends. */
export function planHistory(now: Date, agents: string[], days = 30, seed = 20261206): DemoTicketPlan[] {
  const random = createRng(seed);
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const plans: DemoTicketPlan[] = [];
  let template = Math.floor(random() * HISTORY_TEMPLATES.length);
  for (let d = days; d >= 1; d--) {
    const day = new Date(now.getTime() - d * DAY);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const count = weekend ? (random() < 0.5 ? 1 : 0) : 2 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const t = HISTORY_TEMPLATES[template++ % HISTORY_TEMPLATES.length]!;
      const start = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7) + between(0, 10 * HOUR));
      if (start >= now) continue;
      const agent = pick(agents);
      const [lo, hi] = FIRST_REPLY[t.priority];
      let at = start.getTime();
      const steps: DemoStep[] = [{ at: new Date(at), kind: 'create' }, { at: new Date(at + 5_000), kind: 'auto_answer' }];
      steps.push({ at: new Date(at + between(2, 15) * MINUTE), kind: 'assign', agent });
      const target = SLA_FIRST_REPLY[t.priority];
      at += random() < 0.1 ? between(target * 1.1, target * 2) : between(lo, hi);
      steps.push({ at: new Date(at), kind: 'reply', agent, body: t.reply });
      if (t.followUp) {
        at += between(1, 20) * HOUR;
        steps.push({ at: new Date(at), kind: 'customer', body: t.followUp });
        if (t.closing) {
          at += between(20, 240) * MINUTE;
          steps.push({ at: new Date(at), kind: 'reply', agent, body: t.closing });
        }
      } else if (random() < 0.3) {
        // Waiting for the customer for a while, then done.
        steps.push({ at: new Date(at + MINUTE), kind: 'status', agent, status: 'pending' });
        at += between(4, 30) * HOUR;
      }
      at += between(5, 90) * MINUTE;
      steps.push({ at: new Date(at), kind: 'status', agent, status: 'resolved' });
      if (random() < 0.5) steps.push({ at: new Date(at + 3 * DAY), kind: 'status', agent, status: 'closed' });
      const customer = pick(HISTORY_CUSTOMERS);
      plans.push({
        subject: t.subject,
        description: t.description,
        channel: t.channel,
        customer,
        category: t.category,
        priority: t.priority,
        steps: steps.filter((s) => s.at < now),
      });
    }
  }
  return plans;
}

/**
 * Plays a ticket's steps through the real services with a clock set to each step's time, so the
 * ticket, its messages, history and SLA stamps carry those times. Events stay local: escalation
 * rules, auto-assignment and notifications must not act today on what happened weeks ago.
 */
export type StaffActor = Extract<Actor, { type: 'user' }>;

export async function replayTicket(ctx: TicketsContext & KbContext, plan: DemoTicketPlan, staff: Map<string, StaffActor>): Promise<string> {
  const clock = new ManualClock(plan.steps[0]!.at);
  const local = { ...ctx, clock, events: new EventBus(ctx.log) };
  let ticketId = '';
  let autoResolved = false;
  for (const step of plan.steps) {
    clock.set(step.at);
    if (step.kind === 'create') {
      const ticket = await createTicket(local, systemActor, {
        subject: plan.subject,
        description: plan.description,
        channel: plan.channel,
        customer: plan.customer,
        category: plan.category,
        priority: plan.priority,
        tags: plan.tags,
        // Made-up customers: Clara never mails them (ticket-mail.service), and "Remove demo data" finds them.
        metadata: { demo: true },
      }, { followUps: 'now' });
      ticketId = ticket.id;
    } else if (step.kind === 'auto_answer') {
      autoResolved = (await autoAnswerTicket(local, ticketId)) === 'resolved';
    } else if (autoResolved) {
      // Clara answered it by itself: the agent never had to.
      break;
    } else if (step.kind === 'assign') {
      // Assigned by the lead who triages the queue.
      const agent = staff.get(step.agent)!;
      await updateTicket(local, { ...agent, role: 'admin' }, ticketId, { assignee_id: agent.id });
    } else if (step.kind === 'reply') {
      await addStaffMessage(local, staff.get(step.agent)!, ticketId, { body: step.body, internal: false });
    } else if (step.kind === 'customer') {
      await addCustomerMessage(local, ticketId, step.body);
    } else {
      await updateTicket(local, staff.get(step.agent)!, ticketId, { status: step.status });
    }
  }
  return ticketId;
}
