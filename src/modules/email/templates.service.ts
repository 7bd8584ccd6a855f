import { eq } from 'drizzle-orm';
import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { auditChange, type AuditBy } from '../audit';
import type { EmailContext } from './email.context';
import { emailTemplates } from './email.table';
import { DEFAULT_TEMPLATES, TEMPLATE_KEYS, validateTemplate, type EmailTemplate, type TemplateKey } from './templates';

function toKey(key: string): TemplateKey {
  if (!(TEMPLATE_KEYS as readonly string[]).includes(key)) throw new AppError('NOT_FOUND', `No email template "${key}".`);
  return key as TemplateKey;
}

/** The cache name of the admins' versions of the templates, dropped in every process when one changes. */
const EMAIL_TEMPLATES_CACHE = 'email-templates';

/** The admin's version of a template, or the shipped default. Reads through the caller's transaction. */
export async function loadTemplate(db: Db, key: TemplateKey): Promise<EmailTemplate & { customized: boolean }> {
  const [row] = await db.select().from(emailTemplates).where(eq(emailTemplates.key, key));
  return row ? { subject: row.subject, text: row.text, html: row.html, customized: true } : { ...DEFAULT_TEMPLATES[key], customized: false };
}

/** The template a mail is rendered with: like `loadTemplate`, from the per-process cache (every ticket mail reads one). */
export async function templateFor(ctx: Pick<CoreContext, 'cache'>, db: Db, key: TemplateKey): Promise<EmailTemplate> {
  const custom = await ctx.cache.get(EMAIL_TEMPLATES_CACHE, async () => {
    const rows = await db.select().from(emailTemplates);
    return new Map<string, EmailTemplate>(rows.map((r) => [r.key, { subject: r.subject, text: r.text, html: r.html }]));
  });
  return custom.get(key) ?? DEFAULT_TEMPLATES[key];
}

function view(key: TemplateKey, t: EmailTemplate & { customized: boolean }) {
  return { key, subject: t.subject, text: t.text, html: t.html, customized: t.customized };
}

export async function getTemplate(ctx: EmailContext, key: string) {
  const k = toKey(key);
  return view(k, await loadTemplate(ctx.db, k));
}

export async function listTemplates(ctx: EmailContext) {
  return { items: await Promise.all(TEMPLATE_KEYS.map(async (k) => view(k, await loadTemplate(ctx.db, k)))) };
}

const audited = (t: EmailTemplate & { customized: boolean }) => ({ subject: t.subject, text: t.text, html: t.html, customized: t.customized });

export async function putTemplate(ctx: EmailContext, by: AuditBy, key: string, input: EmailTemplate) {
  const { actor } = by;
  const k = toKey(key);
  const problem = validateTemplate(input);
  if (problem) throw new AppError('VALIDATION_FAILED', `The template does not parse: ${problem}`);
  const now = ctx.clock.now();
  const values = { subject: input.subject, text: input.text, html: input.html, updatedAt: now, updatedBy: actor.type === 'user' ? actor.id : null };
  await ctx.db.transaction(async (tx) => {
    const before = audited(await loadTemplate(tx, k));
    await tx.insert(emailTemplates).values({ key: k, ...values }).onConflictDoUpdate({ target: emailTemplates.key, set: values });
    await ctx.cache.changedIn(tx, EMAIL_TEMPLATES_CACHE);
    await auditChange(ctx, tx, by, { action: 'email_template.updated', targetType: 'email_template', targetId: k, before, after: audited(await loadTemplate(tx, k)) });
  });
  return getTemplate(ctx, k);
}

/** Back to the shipped default. */
export async function resetTemplate(ctx: EmailContext, by: AuditBy, key: string) {
  const k = toKey(key);
  await ctx.db.transaction(async (tx) => {
    const before = audited(await loadTemplate(tx, k));
    await tx.delete(emailTemplates).where(eq(emailTemplates.key, k));
    await ctx.cache.changedIn(tx, EMAIL_TEMPLATES_CACHE);
    await auditChange(ctx, tx, by, { action: 'email_template.reset', targetType: 'email_template', targetId: k, before, after: audited(await loadTemplate(tx, k)) });
  });
  return getTemplate(ctx, k);
}
