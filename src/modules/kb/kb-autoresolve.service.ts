import { autoAnswerPolicy } from './autoresolve-settings.service';
import type { KbContext } from './kb.context';
import { askKb } from './kb-answer.service';
import { mayAutoResolve } from './autoresolve-gate';
import { attachSuggestion, findMessages, findTicketRow, getTicket, resolveWithAutoAnswer, takeHandedTicketRow, type TicketRow, type TicketsContext } from '../tickets';

type Ctx = KbContext & TicketsContext;
const ANSWERED_CHANNELS = new Set(['web', 'chat', 'email', 'voice']);

function questionOf(ticket: { subject: string; description: string }): string {
  return `${ticket.subject}\n${ticket.description}`;
}

/**
 * What the customer reads (Markdown; the status page and the mail render it): the answer without
 * the [n] citation markers, which mean nothing to a customer; the sources travel as links beside it
 * (message metadata → status page and mail).
 */
export function replyBody(answer: string): string {
  const clean = answer.replace(/[ \t]*\[\d+\]/g, '').trim();
  return `${clean}\n\n*If this does not solve your problem, just reply and a person from our team will take over.*`;
}

// As the installation's auto-answer mode says: off does nothing; suggest hands the answer to the
// agent; auto_resolve answers and resolves when the gate allows (confidence at the bar, priority
// at most the limit, never urgent) and suggests otherwise.
export async function autoAnswerTicket(ctx: Ctx, ticketId: string, known?: TicketRow): Promise<'resolved' | 'suggested' | 'skipped'> {
  const policy = await autoAnswerPolicy(ctx);
  if (policy.mode === 'off') return 'skipped';
  // Its own row is all the answer needs (text, status, channel, priority): no joins; the rules may have read it already.
  const ticket = known ?? (await findTicketRow(ctx.db, ticketId));
  if (!ticket || ticket.status !== 'open' || !ANSWERED_CHANNELS.has(ticket.channel)) return 'skipped';
  const result = await askKb(ctx, questionOf(ticket));
  if (!result.answer) return 'skipped';
  const citations = result.citations.map((c) => ({ article_id: c.article_id, title: c.title, chunk_id: c.chunk_id }));
  const covered = result.scope?.covered ?? true;
  if (policy.mode === 'auto_resolve' && mayAutoResolve(result, ticket, policy)) {
    const done = await resolveWithAutoAnswer(ctx, ticket.id, {
      body: replyBody(result.answer),
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

/**
 * The suggestion an agent sees: the whole conversation (subject, description and every customer
 * message) is the question, and the sections of an automatic answer the customer said did not help
 * are left out, so the agent is not offered the same failed answer again.
 */
export async function ticketSuggestion(ctx: Ctx, ref: string) {
  const ticket = await getTicket(ctx, ref);
  const result = await askKb(ctx, await conversationQuestion(ctx, ticket), { excludeChunkIds: failedChunks(ticket) });
  return { ticket_id: ticket.id, ...result };
}

function failedChunks(ticket: { metadata: Record<string, unknown> }): string[] {
  const record = ticket.metadata.auto_answer as { failed_at?: string; citations?: { chunk_id: string }[] } | undefined;
  return record?.failed_at ? (record.citations ?? []).map((c) => c.chunk_id) : [];
}

async function conversationQuestion(ctx: Ctx, ticket: { id: string; subject: string; description: string }): Promise<string> {
  const messages = await findMessages(ctx.db, ticket.id, { includeInternal: false });
  const customer = messages.filter((m) => m.message.authorType === 'customer' && m.message.metadata.did_not_help !== true).map((m) => m.message.body);
  return [questionOf(ticket), ...customer].join('\n');
}

/** After "did not help": a fresh suggestion for the agent, without the failed answer. */
async function resuggest(ctx: Ctx, ticketId: string): Promise<void> {
  const s = await ticketSuggestion(ctx, ticketId);
  const citations = s.citations.map((c) => ({ article_id: c.article_id, title: c.title, chunk_id: c.chunk_id }));
  await attachSuggestion(ctx, ticketId, {
    answer: s.answer,
    confidence: s.confidence,
    mode: s.mode,
    citations,
    covered: s.scope?.covered ?? false,
    after_failed_answer: true,
  });
}

export function subscribeAutoAnswer(ctx: Ctx): void {
  ctx.events.on('ticket.created', async (event) => {
    if (event.actorType === 'automation') return;
    await autoAnswerTicket(ctx, event.ticketId, takeHandedTicketRow(event, event.ticketId));
  });
  ctx.events.on('ticket.updated', async ({ ticketId, changes }) => {
    if (changes.includes('auto_answer_failed')) await resuggest(ctx, ticketId);
  });
}
