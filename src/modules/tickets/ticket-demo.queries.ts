import { count, sql } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { tickets } from './tickets.table';

const isDemo = sql`${tickets.metadata} @> '{"demo": true}'::jsonb`;

export async function countDemoTickets(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tickets).where(isDemo);
  return Number(row?.n ?? 0);
}

/**
 * The one delete of tickets: the demo's made-up tickets, when an admin removes the demo. Their
 * messages, history, files, mail, SLA and escalation records go with them (ON DELETE CASCADE);
 * a task that linked one keeps existing without the link.
 */
export async function deleteDemoTickets(db: Db): Promise<{ count: number; customerIds: string[] }> {
  const rows = await db.delete(tickets).where(isDemo).returning({ customerId: tickets.customerId });
  return { count: rows.length, customerIds: [...new Set(rows.map((r) => r.customerId))] };
}
