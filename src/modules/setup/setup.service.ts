import { getSetting, setSetting } from '../../core/settings';
import { generatePassword } from '../../core/secrets';
import { systemActor, type Actor } from '../../core/rbac';
import { ensureDefaultQueuesAndSlas } from '../queues';
import { addStaffMessage, createTicket, updateTicket, type TicketsContext } from '../tickets';
import { createUser, findUserByEmail } from '../users';
import { DEMO_STAFF, DEMO_TICKETS } from './demo-data';
import { DEMO_KB_DIR, importArticles, readDrafts, type KbContext } from '../kb';

export interface AdminLogin {
  email: string;
  /** Set only when Clara generated it just now: printed once, never stored in clear. */
  generatedPassword?: string;
  created: boolean;
}

export async function ensureAdmin(ctx: TicketsContext): Promise<AdminLogin> {
  const email = ctx.config.CLARA_ADMIN_EMAIL.toLowerCase();
  if (await findUserByEmail(ctx.db, email)) return { email, created: false };
  const password = ctx.config.CLARA_ADMIN_PASSWORD ?? generatePassword();
  await createUser(ctx, systemActor, { email, name: 'Administrator', role: 'admin', password });
  return { email, created: true, ...(ctx.config.CLARA_ADMIN_PASSWORD ? {} : { generatedPassword: password }) };
}

// Loaded once per database (remembered in settings), so a restart never duplicates it.
export async function loadDemoData(ctx: TicketsContext & KbContext): Promise<boolean> {
  if (await getSetting(ctx.db, 'demo.loaded')) return false;
  const staff = new Map<string, string>();
  for (const s of DEMO_STAFF) {
    const existing = await findUserByEmail(ctx.db, s.email);
    staff.set(s.email, existing?.id ?? (await createUser(ctx, systemActor, s)).id);
  }
  const admin = await findUserByEmail(ctx.db, ctx.config.CLARA_ADMIN_EMAIL);
  for (const t of DEMO_TICKETS) {
    const ticket = await createTicket(ctx, systemActor, {
      subject: t.subject,
      description: t.description,
      channel: t.channel,
      customer: { email: t.email, name: t.name },
      category: t.category,
      priority: t.priority,
      tags: t.tags,
      // Made-up customers: Clara never mails them (ticket-mail.service).
      metadata: { demo: true },
    });
    const agentId = t.assignee ? staff.get(t.assignee) : undefined;
    const agent: Actor = agentId
      ? { type: 'user', id: agentId, role: 'agent', name: t.assignee!, via: 'session' }
      : { type: 'user', id: admin!.id, role: 'admin', name: 'Administrator', via: 'session' };
    if (agentId) await updateTicket(ctx, { ...agent, role: 'admin' }, ticket.id, { assignee_id: agentId });
    if (t.reply) await addStaffMessage(ctx, agent, ticket.id, { body: t.reply, internal: false });
    if (t.status && t.status !== 'open') await updateTicket(ctx, agent, ticket.id, { status: t.status });
  }
  // The knowledge base comes after the tickets so the demo tickets keep the states written above.
  await importArticles(ctx, await readDrafts(DEMO_KB_DIR));
  await setSetting(ctx.db, 'demo.loaded', true, null, ctx.clock.now());
  return true;
}

export async function bootstrap(ctx: TicketsContext & KbContext): Promise<{ admin: AdminLogin; demoLoaded: boolean }> {
  await ensureDefaultQueuesAndSlas(ctx.db);
  const admin = await ensureAdmin(ctx);
  const demoLoaded = ctx.config.CLARA_DEMO ? await loadDemoData(ctx) : false;
  return { admin, demoLoaded };
}
