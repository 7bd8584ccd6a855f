import { describe, expect, it } from 'vitest';
import { filtersFromParams, INBOX_VIEWS, paramsFromFilters, sameFilters } from './inbox-views';

const view = (name: string) => INBOX_VIEWS.find((v) => v.value === name)!.filters;

describe('inbox views in the URL', () => {
  it('opens on the unresolved work when the URL names no status', () => {
    expect(filtersFromParams(new URLSearchParams())).toEqual({ status: ['open', 'pending', 'escalated'] });
    expect(sameFilters(filtersFromParams(new URLSearchParams()), view('unresolved'))).toBe(true);
  });

  it('shows every ticket for status=all and keeps the default view out of the URL', () => {
    expect(filtersFromParams(new URLSearchParams('status=all'))).toEqual({});
    expect(paramsFromFilters({}).toString()).toBe('status=all');
    expect(paramsFromFilters(view('unresolved')).toString()).toBe('');
  });

  it('round-trips several statuses and drops unknown ones', () => {
    const f = filtersFromParams(new URLSearchParams('status=pending,closed,bogus&priority=high'));
    expect(f).toEqual({ status: ['pending', 'closed'], priority: 'high' });
    expect(filtersFromParams(paramsFromFilters(f))).toEqual(f);
  });

  it('recognises "Breaching soon" from its URL whatever the status order', () => {
    const f = filtersFromParams(new URLSearchParams(paramsFromFilters(view('breaching')).toString()));
    expect(sameFilters(f, view('breaching'))).toBe(true);
    expect(sameFilters({ ...f, status: ['escalated', 'open', 'pending'] }, view('breaching'))).toBe(true);
    expect(sameFilters(f, view('unresolved'))).toBe(false);
  });
});
