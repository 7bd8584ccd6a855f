import { formatDuration } from '../../lib/time';

export type SlaTone = 'none' | 'ok' | 'soon' | 'overdue' | 'met' | 'breached';

export interface SlaStatus {
  tone: SlaTone;
  label: string;
}

/** Under this much time left a deadline shows as "soon". */
export const SOON_SECONDS = 60 * 60;

// One deadline (first response or resolution): met/breached once the work is done, else a live countdown.
export function slaStatus(dueAt: string | null, doneAt: string | null, now: Date): SlaStatus {
  if (!dueAt) return { tone: 'none', label: 'No SLA' };
  const due = new Date(dueAt).getTime();
  if (doneAt) {
    const late = (new Date(doneAt).getTime() - due) / 1000;
    return late > 0 ? { tone: 'breached', label: `Breached by ${formatDuration(late)}` } : { tone: 'met', label: 'Met' };
  }
  const left = (due - now.getTime()) / 1000;
  if (left < 0) return { tone: 'overdue', label: `Overdue by ${formatDuration(left)}` };
  return { tone: left <= SOON_SECONDS ? 'soon' : 'ok', label: `Due in ${formatDuration(left)}` };
}

export const SLA_TONE_COLOR: Record<SlaTone, string> = {
  none: 'gray',
  ok: 'teal',
  soon: 'orange',
  overdue: 'red',
  met: 'green',
  breached: 'red',
};
