import type { Db } from '../../core/db';
import type { Actor } from '../../core/rbac';
import { getSetting, setSetting } from '../../core/settings';
import { recordAudit } from '../audit';
import type { AutoResolveSettings, PutAutoResolveBody } from './autoresolve-settings.schema';
import type { KbContext } from './kb.context';

export const AUTORESOLVE_SETTING = 'kb.autoresolve_threshold';

// Stored as {threshold}: a null threshold (back to the default) still needs a non-null jsonb row.
async function stored(db: Db): Promise<number | null> {
  const value = await getSetting<{ threshold?: unknown }>(db, AUTORESOLVE_SETTING);
  const threshold = value?.threshold;
  return typeof threshold === 'number' && Number.isFinite(threshold) ? threshold : null;
}

/** The auto-resolve bar: the admin's setting when there is one, else CLARA_AUTORESOLVE_THRESHOLD. */
export async function autoResolveThreshold(ctx: Pick<KbContext, 'db' | 'config'>): Promise<number> {
  return (await stored(ctx.db)) ?? ctx.config.CLARA_AUTORESOLVE_THRESHOLD;
}

export async function getAutoResolveSettings(ctx: Pick<KbContext, 'db' | 'config'>): Promise<AutoResolveSettings> {
  const value = await stored(ctx.db);
  const fallback = ctx.config.CLARA_AUTORESOLVE_THRESHOLD;
  return { threshold: value ?? fallback, source: value === null ? 'default' : 'setting', default_threshold: fallback };
}

export async function setAutoResolveThreshold(ctx: KbContext, actor: Actor, body: PutAutoResolveBody, ip?: string): Promise<AutoResolveSettings> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await stored(tx);
    await setSetting(tx, AUTORESOLVE_SETTING, { threshold: body.threshold }, actor.id, now);
    await recordAudit(ctx, tx, actor, {
      action: 'settings.autoresolve_changed',
      targetType: 'setting',
      targetId: AUTORESOLVE_SETTING,
      details: { old: before, new: body.threshold },
      ip,
    });
  });
  return getAutoResolveSettings(ctx);
}
