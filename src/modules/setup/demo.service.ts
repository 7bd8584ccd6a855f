import { getSetting, setSetting } from '../../core/settings';
import { systemActor } from '../../core/rbac';
import { recordAudit, type AuditBy } from '../audit';
import { deleteCustomersWithoutTickets } from '../customers';
import { DEMO_KB_DIR, deleteArticle, getArticle, importArticles, readDrafts, type KbContext } from '../kb';
import { countDemoTickets, deleteDemoTickets, type TicketsContext } from '../tickets';
import { createUser, findUserByEmail, findUserById, removeUnusedUser } from '../users';
import { DEMO_STAFF, DEMO_TICKETS, type DemoTicket } from './demo-data';
import { planHistory, replayTicket, type DemoStep, type DemoTicketPlan, type StaffActor } from './demo-replay';

const MINUTE = 60_000;
const SETTING = 'demo.loaded';

/** What the demo added, remembered so it can be taken out again (older installs stored `true`). */
interface DemoRecord {
  loaded_at: string;
  users: string[];
  articles: { id: string; version: number }[];
  removed_at?: string;
}

type Ctx = TicketsContext & KbContext;

// The ten tickets a visitor looks at first: the last three days, some still waiting for an answer.
function featuredPlan(t: DemoTicket, now: Date, admin: string): DemoTicketPlan {
  const start = now.getTime() - t.ago * MINUTE;
  const agent = t.assignee ?? admin;
  const steps: DemoStep[] = [{ at: new Date(start), kind: 'create' }];
  if (t.assignee) steps.push({ at: new Date(start + 3 * MINUTE), kind: 'assign', agent });
  const replyAt = start + (t.replyAfter ?? Math.min(t.ago / 2, 60)) * MINUTE;
  if (t.reply) steps.push({ at: new Date(replyAt), kind: 'reply', agent, body: t.reply });
  if (t.status && t.status !== 'open') steps.push({ at: new Date(Math.max(replyAt, start + 6 * MINUTE) + MINUTE), kind: 'status', agent, status: t.status });
  return { subject: t.subject, description: t.description, channel: t.channel, customer: { email: t.email, name: t.name }, category: t.category, priority: t.priority, tags: t.tags, steps };
}

// Loaded once per database (remembered in settings), so a restart never duplicates it.
export async function loadDemoData(ctx: Ctx): Promise<boolean> {
  if (await getSetting(ctx.db, SETTING)) return false;
  const now = ctx.clock.now();
  const admin = (await findUserByEmail(ctx.db, ctx.config.CLARA_ADMIN_EMAIL))!;
  const staff = new Map<string, StaffActor>([[admin.email, { type: 'user', id: admin.id, role: 'admin', name: admin.name, via: 'session' }]]);
  const created: string[] = [];
  for (const s of DEMO_STAFF) {
    const existing = await findUserByEmail(ctx.db, s.email);
    const user = existing ?? (await createUser(ctx, systemActor, s));
    if (!existing) created.push(user.id);
    staff.set(s.email, { type: 'user', id: user.id, role: s.role, name: s.name, via: 'session' });
  }
  // Articles first: Clara answers some of the month's questions by itself, as it would have.
  const drafts = await readDrafts(DEMO_KB_DIR);
  await importArticles(ctx, drafts);
  const articles = await Promise.all(drafts.map(async (d) => getArticle(ctx, d.slug)));
  const agents = DEMO_STAFF.filter((s) => s.role !== 'viewer').map((s) => s.email);
  const plans = [...planHistory(now, agents), ...DEMO_TICKETS.map((t) => featuredPlan(t, now, admin.email))];
  plans.sort((a, b) => a.steps[0]!.at.getTime() - b.steps[0]!.at.getTime());
  for (const plan of plans) await replayTicket(ctx, plan, staff);
  const record: DemoRecord = { loaded_at: now.toISOString(), users: created, articles: articles.map((a) => ({ id: a.id, version: a.version })) };
  await setSetting(ctx.db, SETTING, record, null, now);
  return true;
}

async function demoRecord(ctx: Ctx): Promise<DemoRecord | null> {
  const stored = await getSetting<DemoRecord | boolean>(ctx.db, SETTING);
  if (!stored) return null;
  if (typeof stored === 'object') return stored;
  // Loaded before the demo was recorded: its staff by address, its articles by slug.
  const users = (await Promise.all(DEMO_STAFF.map((s) => findUserByEmail(ctx.db, s.email)))).flatMap((u) => (u ? [u.id] : []));
  const drafts = await readDrafts(DEMO_KB_DIR);
  const articles = (await Promise.all(drafts.map((d) => getArticle(ctx, d.slug).catch(() => null)))).flatMap((a) => (a ? [{ id: a.id, version: 1 }] : []));
  return { loaded_at: new Date(0).toISOString(), users, articles };
}

/** The demo's articles still in the knowledge base, with the version the demo loaded. */
async function liveArticles(ctx: Ctx, record: DemoRecord) {
  const found = await Promise.all(record.articles.map(async (a) => ({ a, article: await getArticle(ctx, a.id).catch(() => null) })));
  return found.flatMap(({ a, article }) => (article ? [{ a, article }] : []));
}

/** Whether the demo is here, and how much of it. */
export async function getDemoStatus(ctx: Ctx) {
  const record = await demoRecord(ctx);
  const users = record ? (await Promise.all(record.users.map((id) => findUserById(ctx.db, id)))).filter((u) => u?.active).length : 0;
  // An article the team edited is theirs now.
  const articles = record ? (await liveArticles(ctx, record)).filter((f) => f.article.version <= f.a.version).length : 0;
  const tickets = await countDemoTickets(ctx.db);
  return { present: tickets + users + articles > 0, tickets, users, articles, loaded_at: record?.loaded_at ?? null, removed_at: record?.removed_at ?? null };
}

/**
 * "Remove demo data": the made-up tickets (with everything on them) and their customers, the demo
 * staff (deactivated instead when they did real work since) and the demo's articles, except those
 * the team has edited. Safe to run again; the demo is not loaded again on restart.
 */
export async function removeDemoData(ctx: Ctx, by: AuditBy) {
  const record = await demoRecord(ctx);
  const now = ctx.clock.now();
  const removed = await ctx.db.transaction(async (tx) => {
    const gone = await deleteDemoTickets(tx);
    const customers = await deleteCustomersWithoutTickets(tx, gone.customerIds);
    return { tickets: gone.count, customers };
  });
  const users = { deleted: 0, deactivated: 0 };
  for (const id of record?.users ?? []) {
    const outcome = await removeUnusedUser(ctx, by, id);
    if (outcome !== 'unchanged') users[outcome] += 1;
  }
  const articles = { deleted: 0, kept_edited: 0 };
  for (const { a, article } of record ? await liveArticles(ctx, record) : []) {
    if (article.version > a.version) articles.kept_edited += 1;
    else {
      await deleteArticle(ctx, by, article.id);
      articles.deleted += 1;
    }
  }
  const summary = { ...removed, users, articles };
  await ctx.db.transaction(async (tx) => {
    if (record) await setSetting(tx, SETTING, { ...record, removed_at: now.toISOString() }, by.actor.id, now);
    await recordAudit(ctx, tx, by.actor, { action: 'demo.removed', targetType: 'demo', details: summary, ip: by.ip ?? undefined });
  });
  return summary;
}
