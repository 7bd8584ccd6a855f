import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../core/db';
import type { Actor } from '../../core/rbac';
import { getSetting, setSetting } from '../../core/settings';
import { recordAudit } from '../audit';
import {
  AUTO_ANSWER_MODES,
  AUTO_RESOLVE_PRIORITIES,
  DEFAULT_MAX_PRIORITY,
  type AutoAnswerMode,
  type AutoResolvePreview,
  type AutoResolvePreviewQuery,
  type AutoResolvePriority,
  type AutoResolveSettings,
  type PutAutoResolveBody,
} from './autoresolve-settings.schema';
import type { KbContext } from './kb.context';

export const AUTORESOLVE_SETTING = 'kb.autoresolve_threshold';
const PREVIEW_DAYS = 30;

interface Stored {
  mode: AutoAnswerMode | null;
  threshold: number | null;
  maxPriority: AutoResolvePriority | null;
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null => (typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : null);

// Stored as {threshold, mode, max_priority}; a null threshold means the server default.
async function stored(db: Db): Promise<Stored> {
  const value = await getSetting<Record<string, unknown>>(db, AUTORESOLVE_SETTING);
  const threshold = value?.threshold;
  return {
    threshold: typeof threshold === 'number' && Number.isFinite(threshold) ? threshold : null,
    mode: oneOf(AUTO_ANSWER_MODES, value?.mode),
    maxPriority: oneOf(AUTO_RESOLVE_PRIORITIES, value?.max_priority),
  };
}

/** What Clara may do with a new ticket's answer, as the auto-answer job and the evaluation decide it. */
export interface AutoAnswerPolicy {
  mode: AutoAnswerMode;
  threshold: number;
  maxPriority: AutoResolvePriority;
}

/** Read for every new ticket, so cached until an admin changes it (in any process). */
export async function autoAnswerPolicy(ctx: Pick<KbContext, 'db' | 'config' | 'cache'>): Promise<AutoAnswerPolicy> {
  const s = await ctx.cache.get(AUTORESOLVE_SETTING, () => getAutoResolveSettings(ctx));
  return { mode: s.mode, threshold: s.threshold, maxPriority: s.max_priority };
}

export async function getAutoResolveSettings(ctx: Pick<KbContext, 'db' | 'config'>): Promise<AutoResolveSettings> {
  const value = await stored(ctx.db);
  const fallback = ctx.config.CLARA_AUTORESOLVE_THRESHOLD;
  return {
    mode: value.mode ?? 'auto_resolve',
    threshold: value.threshold ?? fallback,
    source: value.threshold === null ? 'default' : 'setting',
    default_threshold: fallback,
    max_priority: value.maxPriority ?? DEFAULT_MAX_PRIORITY,
  };
}

export async function setAutoResolveSettings(ctx: KbContext, actor: Actor, body: PutAutoResolveBody, ip?: string): Promise<AutoResolveSettings> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await stored(tx);
    const next = {
      threshold: body.threshold !== undefined ? body.threshold : before.threshold,
      mode: body.mode ?? before.mode,
      max_priority: body.max_priority ?? before.maxPriority,
    };
    await setSetting(tx, AUTORESOLVE_SETTING, next, actor.id, now);
    await ctx.cache.changedIn(tx, AUTORESOLVE_SETTING);
    await recordAudit(ctx, tx, actor, {
      action: 'settings.autoresolve_changed',
      targetType: 'setting',
      targetId: AUTORESOLVE_SETTING,
      details: { old: { threshold: before.threshold, mode: before.mode, max_priority: before.maxPriority }, new: next },
      ip,
    });
  });
  return getAutoResolveSettings(ctx);
}

/** The priorities a limit lets Clara resolve: the limit and everything below it, never urgent. */
export function resolvablePriorities(max: AutoResolvePriority): AutoResolvePriority[] {
  return AUTO_RESOLVE_PRIORITIES.slice(0, AUTO_RESOLVE_PRIORITIES.indexOf(max) + 1);
}

/**
 * Replays the last 30 days' tickets against a threshold and priority limit, from the answer
 * confidence recorded on each ticket (by the auto-answer or the suggestion). A suggestion counts
 * only when it recorded that its article covers the question, as the gate demands.
 */
export async function previewAutoResolve(ctx: Pick<KbContext, 'db' | 'config' | 'clock'>, q: AutoResolvePreviewQuery): Promise<AutoResolvePreview> {
  const current = await getAutoResolveSettings(ctx);
  const threshold = q.threshold ?? current.threshold;
  const maxPriority = q.max_priority ?? current.max_priority;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - PREVIEW_DAYS * 86_400_000);
  const priorities = sql.join(
    resolvablePriorities(maxPriority).map((p) => sql`${p}`),
    sql`, `,
  );
  const [row] = await queryRows<{ tickets: number; answered: number; would_resolve: number; reopened: number; auto_resolved: number }>(
    ctx.db,
    sql`with t as (
          select priority::text as priority,
                 metadata->>'auto_resolved' = 'true' as auto,
                 (metadata->'auto_answer'->>'failed_at') is not null or (metadata->>'auto_resolved' = 'true' and coalesce((metadata->>'reopen_count')::int, 0) > 0) as came_back,
                 case when metadata ? 'auto_answer' then (metadata->'auto_answer'->>'confidence')::float8
                      when metadata->'kb_suggestion'->>'covered' = 'true' and jsonb_array_length(coalesce(metadata->'kb_suggestion'->'citations', '[]'::jsonb)) > 0
                        then (metadata->'kb_suggestion'->>'confidence')::float8 end as confidence,
                 metadata ? 'auto_answer' or metadata ? 'kb_suggestion' as answered
          from tickets where created_at >= ${since.toISOString()}::timestamptz and created_at <= ${now.toISOString()}::timestamptz
        ), w as (
          select *, confidence is not null and confidence >= ${threshold} and priority in (${priorities}) as would from t
        )
        select count(*)::int as tickets,
               count(*) filter (where answered)::int as answered,
               count(*) filter (where would)::int as would_resolve,
               count(*) filter (where would and came_back)::int as reopened,
               count(*) filter (where auto)::int as auto_resolved
        from w`,
  );
  return { days: PREVIEW_DAYS, threshold, max_priority: maxPriority, ...row! };
}
