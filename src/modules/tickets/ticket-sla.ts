import type { Db } from '../../core/db';
import { findSlaForPriority } from '../queues';
import type { Priority } from './ticket-fields';

export interface SlaDeadlines {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
}

// Wall-clock deadlines from the priority's SLA; business-hours calendars come with the SLA engine (#4).
export async function slaDeadlines(db: Db, priority: Priority, from: Date): Promise<SlaDeadlines> {
  const sla = await findSlaForPriority(db, priority);
  if (!sla) return { firstResponseDueAt: null, resolutionDueAt: null };
  return {
    firstResponseDueAt: new Date(from.getTime() + sla.firstResponseMinutes * 60_000),
    resolutionDueAt: new Date(from.getTime() + sla.resolutionMinutes * 60_000),
  };
}
