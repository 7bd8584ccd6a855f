export { addBusinessTime, businessTimeBetween, ALWAYS_OPEN, WEEKDAYS, type BusinessCalendar, type Calendar, type Weekday, type WorkingHours } from './business-time';
export { businessCalendars, slaCalendars, slaEvents, type SlaTarget, type SlaMark } from './sla.table';
export { createSlaEngine, SLA_POLICIES } from './sla-engine';
export { checkSlas, type SlaTransition } from './sla-check.service';
export { registerSlaJobs, scheduleSlaCheck, startSlaScheduler, SLA_CHECK_JOB } from './sla.jobs';
export { slaAdminRoutes } from './sla-admin.routes';
