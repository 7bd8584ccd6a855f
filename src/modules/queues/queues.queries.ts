import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../core/db';
import type { Priority } from '../tickets/ticket-fields';
import { DEFAULT_QUEUES, DEFAULT_SLAS } from './queues.defaults';
import { queues, slas, type QueueRow, type SlaRow } from './queues.table';

export async function findQueueById(db: Db, id: string): Promise<QueueRow | null> {
  const [row] = await db.select().from(queues).where(eq(queues.id, id));
  return row ?? null;
}

export async function findQueueByName(db: Db, name: string): Promise<QueueRow | null> {
  const [row] = await db.select().from(queues).where(eq(queues.name, name));
  return row ?? null;
}

/** The cache name of every queue (`findQueues`): queue admin drops it on every change. */
export const QUEUES_CACHE = 'queues';

export async function findQueues(db: Db): Promise<QueueRow[]> {
  return db.select().from(queues).orderBy(asc(queues.tier), asc(queues.name));
}

export async function findSlaForPriority(db: Db, priority: Priority): Promise<SlaRow | null> {
  const [row] = await db.select().from(slas).where(and(eq(slas.priority, priority), eq(slas.active, true)));
  return row ?? null;
}

export async function findSlas(db: Db): Promise<SlaRow[]> {
  return db.select().from(slas);
}

// Idempotent: safe on every start and with several processes.
export async function ensureDefaultQueuesAndSlas(db: Db): Promise<void> {
  await db.insert(queues).values([...DEFAULT_QUEUES]).onConflictDoNothing();
  await db.insert(slas).values(DEFAULT_SLAS).onConflictDoNothing();
}
