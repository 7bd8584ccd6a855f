import { describe, expect, it } from 'vitest';
import { slaStatus } from './sla';

const now = new Date('2026-03-02T12:00:00Z');

describe('slaStatus', () => {
  it('counts down to a deadline in the future', () => {
    expect(slaStatus('2026-03-02T15:20:00Z', null, now)).toEqual({ tone: 'ok', label: 'Due in 3 h 20 min' });
  });

  it('warns when less than an hour is left', () => {
    expect(slaStatus('2026-03-02T12:45:00Z', null, now)).toEqual({ tone: 'soon', label: 'Due in 45 min' });
  });

  it('says how long a missed deadline is overdue', () => {
    expect(slaStatus('2026-03-01T10:00:00Z', null, now)).toEqual({ tone: 'overdue', label: 'Overdue by 1 d 2 h' });
  });

  it('reports met when the work was done before the deadline', () => {
    expect(slaStatus('2026-03-02T12:00:00Z', '2026-03-02T11:59:00Z', now)).toEqual({ tone: 'met', label: 'Met' });
  });

  it('reports how late the work was when it missed the deadline', () => {
    expect(slaStatus('2026-03-02T10:00:00Z', '2026-03-02T10:30:00Z', now)).toEqual({ tone: 'breached', label: 'Breached by 30 min' });
  });

  it('says so when the ticket has no SLA', () => {
    expect(slaStatus(null, null, now)).toEqual({ tone: 'none', label: 'No SLA' });
  });
});
