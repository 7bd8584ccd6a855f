import { CATEGORIES, PRIORITIES, STATUSES, UNRESOLVED_STATUSES } from '@shared/modules/tickets/ticket-fields';
import { TICKET_SORTS } from '@shared/modules/tickets/tickets.schema';
import type { TicketFilters } from './api/list-tickets';

const UNRESOLVED = [...UNRESOLVED_STATUSES];
/** "Breaching soon": the next deadline (first response or resolution) within this many minutes, or passed. */
export const BREACHING_MINUTES = 4 * 60;

export const INBOX_VIEWS: { value: string; label: string; filters: TicketFilters }[] = [
  { value: 'unresolved', label: 'Unresolved', filters: { status: UNRESOLVED } },
  { value: 'mine', label: 'Mine', filters: { status: UNRESOLVED, assignee_id: 'me' } },
  { value: 'unassigned', label: 'Unassigned', filters: { status: UNRESOLVED, assignee_id: 'none' } },
  { value: 'breaching', label: 'Breaching soon', filters: { status: UNRESOLVED, breach_within: BREACHING_MINUTES, sort: 'next_breach' } },
  { value: 'all', label: 'All tickets', filters: {} },
];

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (v && (values as readonly string[]).includes(v) ? (v as T) : undefined);

const sameStatuses = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && b.every((s) => a.includes(s));

// The URL is the source of truth for filters, so a view can be bookmarked, shared and restored with
// Back. Without a status the inbox shows the unresolved work; "status=all" shows every ticket.
export function filtersFromParams(p: URLSearchParams): TicketFilters {
  const uuidOr = (v: string | null, extra: string[]) => (v && (extra.includes(v) || /^[0-9a-f-]{36}$/i.test(v)) ? v : undefined);
  const statusParam = p.get('status');
  const statuses = statusParam === 'all' ? [] : statusParam ? statusParam.split(',').flatMap((s) => oneOf(STATUSES, s) ?? []) : UNRESOLVED;
  const within = Number(p.get('breach_within'));
  const f: TicketFilters = {
    status: statuses.length ? [...new Set(statuses)] : undefined,
    breach_within: p.get('breach_within') && Number.isInteger(within) && within >= 0 ? within : undefined,
    priority: oneOf(PRIORITIES, p.get('priority')),
    category: oneOf(CATEGORIES, p.get('category')),
    queue_id: uuidOr(p.get('queue_id'), []),
    assignee_id: uuidOr(p.get('assignee_id'), ['me', 'none']) as TicketFilters['assignee_id'],
    sort: oneOf(TICKET_SORTS, p.get('sort')),
    q: p.get('q')?.trim() || undefined,
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as TicketFilters;
}

export function paramsFromFilters(f: TicketFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (!f.status?.length) p.set('status', 'all');
  else if (!sameStatuses(f.status, UNRESOLVED)) p.set('status', f.status.join(','));
  for (const [k, v] of Object.entries(f)) if (k !== 'status' && v !== undefined && v !== '') p.set(k, String(v));
  return p;
}

export function sameFilters(a: TicketFilters, b: TicketFilters): boolean {
  const norm = (f: TicketFilters) =>
    JSON.stringify(
      Object.entries({ ...f, q: undefined, status: f.status ? [...f.status].sort() : undefined, sort: f.sort === '-created_at' ? undefined : f.sort })
        .filter(([, v]) => v !== undefined)
        .sort(),
    );
  return norm(a) === norm(b);
}

