import { autoAnswerPolicy } from './autoresolve-settings.service';
import type { KbContext } from './kb.context';
import { askKb } from './kb-answer.service';
import { mayAutoResolve } from './autoresolve-gate';
import { attachSuggestion, getTicket, resolveWithAutoAnswer, type TicketsContext } from '../tickets';

type Ctx = KbContext & TicketsContext;
const ANSWERED_CHANNELS = new Set(['web', 'chat', 'email', 'voice']);

function questionOf(ticket: { subject: string; description: string }): string {
  return `${ticket.subject}\n${ticket.description}`;
}

function replyBody(answer: string, citations: { title: string }[]): string {
  const sources = citations.map((c, i) => `[${i + 1}] ${c.title}`).join('\n');
  return `${answer}\n\nSources:\n${sources}\n\nIf this does not solve your problem, just reply and a person from our team will take over.`;
}

// As the installation's auto-answer mode says: off does nothing; suggest hands the answer to the
// agent; auto_resolve answers and resolves when the gate allows (confidence at the bar, priority
// at most the limit, never urgent) and suggests otherwise.
export async function autoAnswerTicket(ctx: Ctx, ticketId: string): Promise<'resolved' | 'suggested' | 'skipped'> {
  const policy = await autoAnswerPolicy(ctx);
  if (policy.mode === 'off') return 'skipped';
  const ticket = await getTicket(ctx, ticketId);
  if (ticket.status !== 'open' || !ANSWERED_CHANNELS.has(ticket.channel)) return 'skipped';
  const result = await askKb(ctx, questionOf(ticket));
  if (!result.answer) return 'skipped';
  const citations = result.citations.map((c) => ({ article_id: c.article_id, title: c.title, chunk_id: c.chunk_id }));
  const covered = result.scope?.covered ?? true;
  if (policy.mode === 'auto_resolve' && mayAutoResolve(result, ticket, policy)) {
    const done = await resolveWithAutoAnswer(ctx, ticket.id, {
      body: replyBody(result.answer, result.citations),
      confidence: result.confidence,
      citations,
      mode: result.mode,
    });
    if (done) return 'resolved';
  }
  // The confidence and coverage stay on the ticket so the settings preview can replay other thresholds.
  await attachSuggestion(ctx, ticket.id, { answer: result.answer, confidence: result.confidence, mode: result.mode, citations, covered });
  return 'suggested';
}

export async function ticketSuggestion(ctx: Ctx, ref: string) {
  const ticket = await getTicket(ctx, ref);
  const result = await askKb(ctx, questionOf(ticket));
  return { ticket_id: ticket.id, ...result };
}

export function subscribeAutoAnswer(ctx: Ctx): void {
  ctx.events.on('ticket.created', async ({ ticketId, actorType }) => {
    if (actorType === 'automation') return;
    await autoAnswerTicket(ctx, ticketId);
  });
}
