export const DAYS = [
  { day: 'mon', label: 'Monday' },
  { day: 'tue', label: 'Tuesday' },
  { day: 'wed', label: 'Wednesday' },
  { day: 'thu', label: 'Thursday' },
  { day: 'fri', label: 'Friday' },
  { day: 'sat', label: 'Saturday' },
  { day: 'sun', label: 'Sunday' },
] as const;
export type Day = (typeof DAYS)[number]['day'];

export interface WorkingHour {
  day: Day;
  start: string;
  end: string;
}
export interface Holiday {
  date: string;
  name?: string;
}

/** One row per weekday (the form edits one span per day); a day with several spans keeps its first and last times. */
export interface DayRow {
  day: Day;
  open: boolean;
  start: string;
  end: string;
}

export function hoursToRows(hours: WorkingHour[]): DayRow[] {
  return DAYS.map(({ day }) => {
    const spans = hours.filter((h) => h.day === day).sort((a, b) => a.start.localeCompare(b.start));
    if (spans.length === 0) return { day, open: false, start: '09:00', end: '17:00' };
    return { day, open: true, start: spans[0]!.start, end: spans.at(-1)!.end };
  });
}

export function rowsToHours(rows: DayRow[]): WorkingHour[] {
  return rows.filter((r) => r.open).map(({ day, start, end }) => ({ day, start, end }));
}

export function holidaysToText(holidays: Holiday[]): string {
  return holidays.map((h) => (h.name ? `${h.date} ${h.name}` : h.date)).join('\n');
}

/** "2026-12-25 Christmas" per line (the name is optional); blank lines are skipped, bad lines reported by number. */
export function parseHolidays(text: string): { holidays: Holiday[]; errors: string[] } {
  const holidays: Holiday[] = [];
  const errors: string[] = [];
  text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s+(.+))?$/.exec(trimmed);
    if (!m) {
      errors.push(`Line ${i + 1}: start with a date as YYYY-MM-DD`);
      return;
    }
    holidays.push(m[2] ? { date: m[1]!, name: m[2].trim() } : { date: m[1]! });
  });
  return { holidays, errors };
}
