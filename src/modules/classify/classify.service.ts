import { z } from 'zod';
import type { Actor } from '../../core/rbac';
import { getSetting, setSetting } from '../../core/settings';
import { AppError } from '../../core/errors';
import { recordAudit } from '../audit';
import { findQueues } from '../queues';
import { ROUTING_SETTING } from './active-classifier';
import type { ClassifyContext } from './classify.context';
import { findCorrectedTickets, findRecentModels, insertModel } from './classify.queries';
import { runTrainingProcess } from './classifier-training';
import type { RoutingTable } from './routing.js';
import { isIntent } from './labels.js';
import { metadataPath, DEFAULT_ARTIFACT_PATH } from './classifier.js';
import { readFileSync } from 'node:fs';

export const TRAIN_JOB = 'classifier.train';
export const LAST_TRAINING_SETTING = 'classifier.last_training';
export const TrainJobPayload = z.object({ requested_by: z.string().uuid().nullable(), sample: z.number().int().min(1).max(1000).default(1) });

export async function classifyText(ctx: ClassifyContext, input: { subject: string; description: string }) {
  const r = await ctx.classifier.predict(input);
  return {
    category: r.category,
    priority: r.priority,
    intent: r.intent,
    queue: r.queue,
    confidence: r.confidence,
    model: { version: r.model.version },
    top_terms: r.top_terms,
    ...(r.rule ? { rule: r.rule } : {}),
  };
}

function shippedMetrics(): Record<string, unknown> {
  try {
    return JSON.parse(readFileSync(metadataPath(DEFAULT_ARTIFACT_PATH), 'utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function getClassifierInfo(ctx: ClassifyContext) {
  await ctx.classifier.refresh(true);
  const active = ctx.classifier.current;
  const models = await findRecentModels(ctx.db, 5);
  const activeRow = models.find((m) => m.active);
  const meta = activeRow?.meta ?? shippedMetrics();
  return {
    version: active.version,
    trained_at: active.trainedAt ?? null,
    source: ctx.classifier.source,
    metrics: (meta.heldOut as Record<string, unknown> | undefined) ?? null,
    routing: ctx.classifier.routingTable,
    last_training: (await getSetting<Record<string, unknown>>(ctx.db, LAST_TRAINING_SETTING)) ?? null,
  };
}

export async function requestTraining(ctx: ClassifyContext, actor: Actor, sample = 1) {
  const requestedBy = actor.type === 'user' ? actor.id : null;
  await ctx.db.transaction(async (tx) => {
    await ctx.jobs.enqueue(tx, TRAIN_JOB, { requested_by: requestedBy, sample }, { singletonKey: 'train', maxAttempts: 1 });
    await recordAudit(ctx, tx, actor, { action: 'classifier.train_requested', targetType: 'classifier' });
  });
  return { status: 'queued' as const };
}

export async function feedbackJsonl(ctx: ClassifyContext): Promise<{ jsonl: string; count: number }> {
  const rows = await findCorrectedTickets(ctx.db);
  const lines = rows.map((r) =>
    JSON.stringify({
      subject: r.subject,
      description: r.description,
      ...(r.category ? { category: r.category } : {}),
      ...(r.priority ? { priority: r.priority } : {}),
      ...(r.intent && isIntent(r.intent) ? { intent: r.intent } : {}),
    }),
  );
  return { jsonl: lines.join('\n'), count: rows.length };
}

// The job: retrain with agents' corrections; the new model is used only if it is not worse.
export async function trainWithFeedback(ctx: ClassifyContext, payload: z.infer<typeof TrainJobPayload>) {
  const feedback = await feedbackJsonl(ctx);
  const run = await runTrainingProcess({
    baseline: ctx.classifier.current.model,
    feedbackJsonl: feedback.jsonl,
    sample: payload.sample,
    date: ctx.clock.now().toISOString().slice(0, 10),
  });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (run.promoted && run.artifact) {
      await insertModel(tx, {
        version: String(run.meta.modelId),
        artifact: run.artifact,
        meta: run.meta,
        active: true,
        promoted: true,
        decision: run.decision,
        createdBy: payload.requested_by,
        createdAt: now,
      });
    }
    await setSetting(
      tx,
      LAST_TRAINING_SETTING,
      { at: now.toISOString(), promoted: run.promoted, decision: run.decision, feedback_examples: feedback.count, metrics: run.meta.heldOut },
      payload.requested_by,
      now,
    );
  });
  await ctx.classifier.changed();
  return run;
}

export async function setRouting(ctx: ClassifyContext, actor: Actor, routing: RoutingTable, ip?: string) {
  const now = ctx.clock.now();
  const active = new Set((await findQueues(ctx.db)).filter((q) => q.active).map((q) => q.name));
  const unknown = Object.entries(routing).flatMap(([category, byPriority]) =>
    Object.entries(byPriority).flatMap(([priority, name]) => (active.has(name) ? [] : [{ field: `body.${category}.${priority}`, message: `no active queue "${name}"` }])),
  );
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', 'The routing table names queues that do not exist or are archived.', unknown);
  await ctx.db.transaction(async (tx) => {
    const before = await getSetting<RoutingTable>(tx, ROUTING_SETTING);
    await setSetting(tx, ROUTING_SETTING, routing, actor.id, now);
    await recordAudit(ctx, tx, actor, { action: 'settings.routing_changed', targetType: 'setting', targetId: ROUTING_SETTING, details: { old: before ?? null, new: routing }, ip });
  });
  await ctx.classifier.changed();
  return { routing: ctx.classifier.routingTable };
}
