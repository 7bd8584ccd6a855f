import type { CoreContext } from '../../core/context';
import { notify, type Database } from '../../core/db';
import { getSetting } from '../../core/settings';
import type { ClassificationInput, TicketClassification, TicketClassifier } from '../tickets';
import { createClassifier, loadClassifier, type Classifier } from './classifier.js';
import { parseModel } from './artifact.js';
import { findActiveModel, findActiveModelId } from './classify.queries';
import { DEFAULT_ROUTING, routeTicket, type RoutingTable } from './routing.js';
import type { ClassifyResult } from './classify.schema.js';
import type { Category, Priority } from './labels.js';
import { mixCategoryEvidence, queueCategoryEvidence, type QueueDescription } from './queue-evidence.js';

export const ROUTING_SETTING = 'classifier.routing';

/**
 * Below this category confidence a new ticket is not routed by its guessed category. Chosen on
 * the tune tickets of eval/rosterly and eval/fernhill: at 0.6, 7 of 54 go to a person, 3 of
 * them would have gone to a wrong queue; at 0.5 only 1.
 */
export const CATEGORY_TRIAGE_BELOW = 0.6;

/** Category probabilities from the team's knowledge base for a ticket's text, or null without a match. */
export type CategoryEvidenceSource = (text: string) => Promise<Record<string, number> | null>;
const REFRESH_MS = 30_000;
const CACHE_KEY = 'classifier';

// The model in use: the shipped artifact until an admin-triggered retrain is promoted in the
// database. Other processes pick a change up when told (NOTIFY), and within REFRESH_MS in any case.
export class ActiveClassifier implements TicketClassifier {
  private model: Classifier;
  private modelRowId: string | null = null;
  private routing: RoutingTable = DEFAULT_ROUTING;
  private checkedAt = 0;
  private evidence: CategoryEvidenceSource | null = null;
  private queueLoader: (() => Promise<QueueDescription[]>) | null = null;
  private queueDescriptions: QueueDescription[] = [];

  constructor(private readonly ctx: Pick<CoreContext, 'db' | 'log' | 'clock'>, shipped: Classifier = loadClassifier()) {
    this.model = shipped;
  }

  get source(): 'shipped' | 'retrained' {
    return this.modelRowId ? 'retrained' : 'shipped';
  }

  get current(): Classifier {
    return this.model;
  }

  get routingTable(): RoutingTable {
    return this.routing;
  }

  async refresh(force = false): Promise<void> {
    const now = Date.now();
    if (!force && now - this.checkedAt < REFRESH_MS) return;
    this.checkedAt = now;
    this.routing = (await getSetting<RoutingTable>(this.ctx.db, ROUTING_SETTING)) ?? DEFAULT_ROUTING;
    if (this.queueLoader) this.queueDescriptions = await this.queueLoader();
    const activeId = await findActiveModelId(this.ctx.db);
    if (activeId === this.modelRowId) return;
    const row = activeId ? await findActiveModel(this.ctx.db) : null;
    if (row) {
      this.model = createClassifier(parseModel(row.artifact), { trainedAt: String(row.meta.trainedAt ?? row.createdAt.toISOString()) });
      this.modelRowId = row.id;
      this.ctx.log.info({ version: this.model.version }, 'classifier model loaded from the database');
    }
  }

  /** Routing, queues or the active model changed in this process: reread now and tell the other processes to. */
  async changed(): Promise<void> {
    await notify(this.ctx.db, 'clara_cache', CACHE_KEY);
    await this.refresh(true);
  }

  /** Rereads when another process says something changed (between those, every REFRESH_MS in any case). */
  async followChanges(listen: Database['listen']): Promise<void> {
    await listen('clara_cache', (what) => {
      if (what !== CACHE_KEY) return;
      this.refresh(true).catch((err: unknown) => this.ctx.log.warn({ err }, 'rereading the classifier settings failed'));
    });
  }

  /** Lets the installation's knowledge base weigh in on the category (wired in context.ts). */
  useCategoryEvidence(source: CategoryEvidenceSource): void {
    this.evidence = source;
  }

  /**
   * Lets the team's queue descriptions weigh in on the category (wired in context.ts); they are
   * reread with the routing table, and at once after a `queue.changed` event.
   */
  useQueueDescriptions(loader: () => Promise<QueueDescription[]>): void {
    this.queueLoader = loader;
  }

  private async categoryEvidence(input: ClassificationInput): Promise<Record<string, number> | undefined> {
    const text = `${input.subject ?? ''}\n${input.description ?? ''}`;
    const queues = queueCategoryEvidence(text, this.queueDescriptions, this.routing);
    if (!this.evidence) return queues ?? undefined;
    try {
      return mixCategoryEvidence(await this.evidence(text), queues) ?? undefined;
    } catch (err) {
      // The model alone still classifies; a knowledge-base hiccup must not block intake.
      this.ctx.log.warn({ err }, 'knowledge-base category evidence failed; classifying with the model and queue descriptions');
      return queues ?? undefined;
    }
  }

  async predict(input: ClassificationInput): Promise<ClassifyResult> {
    await this.refresh();
    const result = this.model.classify(input, { categoryEvidence: await this.categoryEvidence(input) });
    return { ...result, queue: routeTicket(result, this.routing) };
  }

  async route(labels: { category: Category; priority: Priority }): Promise<string> {
    await this.refresh();
    return routeTicket(labels, this.routing);
  }

  async classify(input: ClassificationInput): Promise<TicketClassification> {
    const r = await this.predict(input);
    const uncertain = r.confidence.category < CATEGORY_TRIAGE_BELOW;
    return {
      category: r.category,
      priority: r.priority,
      intent: r.intent,
      ...(uncertain ? { uncertain } : {}),
      details: {
        ...(uncertain ? { uncertain } : {}),
        confidence: r.confidence,
        model: r.model,
        top_terms: r.top_terms,
        ...(r.rule ? { rule: r.rule } : {}),
        classified_at: this.ctx.clock.now().toISOString(),
      },
    };
  }
}
