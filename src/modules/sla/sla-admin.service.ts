import type { CoreContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { auditChange, type AuditBy } from '../audit';
import type { SlaRow } from '../queues';
import type { CreateCalendarBody, CreateSlaBody, UpdateCalendarBody, UpdateSlaBody } from './sla-admin.schema';
import {
  calendarInUse,
  deleteCalendarRow,
  deleteSlaRow,
  findCalendarById,
  findCalendars,
  findSlaById,
  findSlasWithCalendars,
  insertCalendar,
  insertSla,
  setSlaCalendar,
  updateCalendarRow,
  updateSlaRow,
} from './sla.queries';
import { SLA_POLICIES } from './sla-engine';
import type { BusinessCalendarRow } from './sla.table';

// Deadlines already stamped on tickets stay as they are; a change applies to new tickets and recomputes.

function toCalendar(c: BusinessCalendarRow) {
  return {
    id: c.id,
    name: c.name,
    timezone: c.timezone,
    working_hours: c.workingHours,
    holidays: c.holidays,
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}

export async function listCalendars(ctx: CoreContext) {
  return { items: (await findCalendars(ctx.db)).map(toCalendar) };
}

export async function getCalendar(ctx: CoreContext, id: string) {
  const row = await findCalendarById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Calendar not found.');
  return toCalendar(row);
}

export async function createCalendar(ctx: CoreContext, by: AuditBy, b: CreateCalendarBody) {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertCalendar(tx, { name: b.name, timezone: b.timezone, workingHours: b.working_hours, holidays: b.holidays, createdAt: now, updatedAt: now });
    if (!row) throw new AppError('CONFLICT', 'A calendar with this name exists.');
    const after = toCalendar(row);
    await auditChange(ctx, tx, by, { action: 'calendar.created', targetType: 'calendar', targetId: row.id, after });
    return after;
  });
}

export async function updateCalendar(ctx: CoreContext, by: AuditBy, id: string, b: UpdateCalendarBody) {
  const before = await getCalendar(ctx, id);
  if (b.name) {
    const clash = (await findCalendars(ctx.db)).find((c) => c.name === b.name && c.id !== id);
    if (clash) throw new AppError('CONFLICT', 'A calendar with this name exists.');
  }
  return ctx.db.transaction(async (tx) => {
    const row = await updateCalendarRow(tx, id, {
      ...(b.name !== undefined ? { name: b.name } : {}),
      ...(b.timezone !== undefined ? { timezone: b.timezone } : {}),
      ...(b.working_hours !== undefined ? { workingHours: b.working_hours } : {}),
      ...(b.holidays !== undefined ? { holidays: b.holidays } : {}),
      updatedAt: ctx.clock.now(),
    });
    const after = toCalendar(row!);
    await ctx.cache.changedIn(tx, SLA_POLICIES);
    await auditChange(ctx, tx, by, { action: 'calendar.updated', targetType: 'calendar', targetId: id, before, after });
    return after;
  });
}

export async function deleteCalendar(ctx: CoreContext, by: AuditBy, id: string): Promise<void> {
  const before = await getCalendar(ctx, id);
  if (await calendarInUse(ctx.db, id)) throw new AppError('CONFLICT', 'An SLA still uses this calendar.');
  await ctx.db.transaction(async (tx) => {
    await deleteCalendarRow(tx, id);
    await ctx.cache.changedIn(tx, SLA_POLICIES);
    await auditChange(ctx, tx, by, { action: 'calendar.deleted', targetType: 'calendar', targetId: id, before });
  });
}

function toAdminSla(s: SlaRow, c: BusinessCalendarRow | null) {
  return {
    id: s.id,
    name: s.name,
    priority: s.priority,
    first_response_minutes: s.firstResponseMinutes,
    resolution_minutes: s.resolutionMinutes,
    active: s.active,
    calendar: c ? { id: c.id, name: c.name, timezone: c.timezone } : null,
  };
}

export async function listAdminSlas(ctx: CoreContext) {
  return { items: (await findSlasWithCalendars(ctx.db)).map((r) => toAdminSla(r.sla, r.calendar)) };
}

async function getAdminSla(ctx: Pick<CoreContext, 'db'>, id: string) {
  const found = (await findSlasWithCalendars(ctx.db)).find((r) => r.sla.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'SLA not found.');
  return toAdminSla(found.sla, found.calendar);
}

async function requireCalendar(ctx: CoreContext, id: string | null | undefined) {
  if (id && !(await findCalendarById(ctx.db, id))) throw new AppError('NOT_FOUND', 'Calendar not found.');
}

export async function createSla(ctx: CoreContext, by: AuditBy, b: CreateSlaBody) {
  await requireCalendar(ctx, b.calendar_id);
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertSla(tx, {
      name: b.name,
      priority: b.priority,
      firstResponseMinutes: b.first_response_minutes,
      resolutionMinutes: b.resolution_minutes,
      active: b.active,
      createdAt: now,
      updatedAt: now,
    });
    if (!row) throw new AppError('CONFLICT', `An SLA for priority ${b.priority} exists; change that one.`);
    await setSlaCalendar(tx, row.id, b.calendar_id);
    await ctx.cache.changedIn(tx, SLA_POLICIES);
    await auditChange(ctx, tx, by, { action: 'sla.created', targetType: 'sla', targetId: row.id, after: await getAdminSla({ db: tx }, row.id) });
    return row.id;
  });
  return getAdminSla(ctx, id);
}

export async function updateSla(ctx: CoreContext, by: AuditBy, id: string, b: UpdateSlaBody) {
  const before = await findSlaById(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', 'SLA not found.');
  const beforeView = await getAdminSla(ctx, id);
  await requireCalendar(ctx, b.calendar_id);
  const fr = b.first_response_minutes ?? before.firstResponseMinutes;
  const res = b.resolution_minutes ?? before.resolutionMinutes;
  if (fr > res) throw new AppError('VALIDATION_FAILED', 'First response must not be later than resolution.', [{ field: 'body.first_response_minutes', message: 'later than resolution' }]);
  await ctx.db.transaction(async (tx) => {
    await updateSlaRow(tx, id, {
      ...(b.name !== undefined ? { name: b.name } : {}),
      firstResponseMinutes: fr,
      resolutionMinutes: res,
      ...(b.active !== undefined ? { active: b.active } : {}),
      updatedAt: ctx.clock.now(),
    });
    if (b.calendar_id !== undefined) await setSlaCalendar(tx, id, b.calendar_id);
    await ctx.cache.changedIn(tx, SLA_POLICIES);
    await auditChange(ctx, tx, by, { action: 'sla.updated', targetType: 'sla', targetId: id, before: beforeView, after: await getAdminSla({ db: tx }, id) });
  });
  return getAdminSla(ctx, id);
}

export async function deleteSla(ctx: CoreContext, by: AuditBy, id: string): Promise<void> {
  if (!(await findSlaById(ctx.db, id))) throw new AppError('NOT_FOUND', 'SLA not found.');
  const before = await getAdminSla(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await deleteSlaRow(tx, id);
    await ctx.cache.changedIn(tx, SLA_POLICIES);
    await auditChange(ctx, tx, by, { action: 'sla.deleted', targetType: 'sla', targetId: id, before });
  });
}
