import type { CoreContext } from '../../core/context';
import type { Db } from '../../core/db';
import { AppError } from '../../core/errors';
import { auditChange, type AuditBy } from '../audit';
import { getSetting, setSetting } from '../../core/settings';
import { DEFAULT_RULES, SUPERSEDED_CONDITIONS } from './default-rules';
import { deleteRuleRow, ESCALATION_RULES, findQueueByNameOrId, findRuleById, findRuleByName, findRules, findUsersByIds, insertRules, updateRuleRow } from './escalation.queries';
import type { EscalationRuleRow } from './escalation.table';
import type { Action, Condition, CreateRuleBody, UpdateRuleBody } from './rules.schema';

const SEEDED = 'escalation.rules_seeded';

function toRule(r: EscalationRuleRow) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    enabled: r.enabled,
    position: r.position,
    conditions: r.conditions,
    actions: r.actions,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
  };
}

// Queues and users named in actions must exist now; a rule that points nowhere is a 400, not a silent no-op.
async function checkReferences(db: Db, actions: Action[]): Promise<void> {
  const details: { field: string; message: string }[] = [];
  for (const [i, a] of actions.entries()) {
    const queue = a.type === 'move_to_queue' || a.type === 'assign_round_robin' ? a.queue : undefined;
    if (queue && !(await findQueueByNameOrId(db, queue))) details.push({ field: `body.actions.${i}.queue`, message: `no queue "${queue}"` });
    const userIds = a.type === 'assign' ? [a.user_id] : a.type === 'notify' ? a.user_ids : [];
    const found = await findUsersByIds(db, userIds);
    for (const id of userIds) {
      const user = found.find((u) => u.id === id);
      if (!user || !user.active || (a.type === 'assign' && user.role === 'viewer')) details.push({ field: `body.actions.${i}`, message: `user ${id} cannot take this` });
    }
  }
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'The rule names queues or users that do not fit.', details);
}

async function requireRule(ctx: CoreContext, id: string) {
  const row = await findRuleById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Escalation rule not found.');
  return row;
}

async function checkName(ctx: CoreContext, name: string, id?: string) {
  const clash = await findRuleByName(ctx.db, name);
  if (clash && clash.id !== id) throw new AppError('CONFLICT', 'A rule with this name exists.');
}

export async function listRules(ctx: CoreContext) {
  return { items: (await findRules(ctx.db, { enabledOnly: false })).map(toRule) };
}

export async function getRule(ctx: CoreContext, id: string) {
  return toRule(await requireRule(ctx, id));
}

export async function createRule(ctx: CoreContext, by: AuditBy, body: CreateRuleBody) {
  await checkReferences(ctx.db, body.actions);
  await checkName(ctx, body.name);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await ctx.cache.changedIn(tx, ESCALATION_RULES);
    const [row] = await insertRules(tx, [{ ...body, createdAt: now, updatedAt: now }]);
    if (!row) throw new AppError('CONFLICT', 'A rule with this name exists.');
    const after = toRule(row);
    await auditChange(ctx, tx, by, { action: 'escalation_rule.created', targetType: 'escalation_rule', targetId: row.id, after });
    return after;
  });
}

export async function updateRule(ctx: CoreContext, by: AuditBy, id: string, body: UpdateRuleBody) {
  const before = toRule(await requireRule(ctx, id));
  if (body.actions) await checkReferences(ctx.db, body.actions);
  if (body.name) await checkName(ctx, body.name, id);
  return ctx.db.transaction(async (tx) => {
    await ctx.cache.changedIn(tx, ESCALATION_RULES);
    const after = toRule((await updateRuleRow(tx, id, { ...body, updatedAt: ctx.clock.now() }))!);
    await auditChange(ctx, tx, by, { action: 'escalation_rule.updated', targetType: 'escalation_rule', targetId: id, before, after });
    return after;
  });
}

export async function deleteRule(ctx: CoreContext, by: AuditBy, id: string): Promise<void> {
  const before = toRule(await requireRule(ctx, id));
  await ctx.db.transaction(async (tx) => {
    await ctx.cache.changedIn(tx, ESCALATION_RULES);
    await deleteRuleRow(tx, id);
    await auditChange(ctx, tx, by, { action: 'escalation_rule.deleted', targetType: 'escalation_rule', targetId: id, before });
  });
}

// jsonb keeps its own key order, so conditions are compared with sorted keys.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A default rule whose conditions are still exactly what an earlier version shipped gets the
 * current default conditions; a rule an admin changed or deleted is left alone. Idempotent.
 */
async function upgradeDefaultRules(ctx: Pick<CoreContext, 'db' | 'clock'>): Promise<void> {
  for (const rule of DEFAULT_RULES) {
    const superseded = SUPERSEDED_CONDITIONS[rule.name];
    if (!superseded) continue;
    const row = await findRuleByName(ctx.db, rule.name);
    if (!row || !superseded.some((c: Condition) => canonical(c) === canonical(row.conditions))) continue;
    await updateRuleRow(ctx.db, row.id, { conditions: rule.conditions, description: rule.description, updatedAt: ctx.clock.now() });
  }
}

/** Seeds the default rule set once per database (later edits and deletions stay), then upgrades untouched defaults. */
export async function seedEscalationRules(ctx: Pick<CoreContext, 'db' | 'clock'>): Promise<void> {
  if (!(await getSetting(ctx.db, SEEDED))) {
    const now = ctx.clock.now();
    await insertRules(ctx.db, DEFAULT_RULES.map((r) => ({ ...r, createdAt: now, updatedAt: now })));
    await setSetting(ctx.db, SEEDED, true, null, now);
  }
  await upgradeDefaultRules(ctx);
}
