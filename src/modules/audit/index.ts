export { recordAudit, type AuditEvent } from './audit.service';
export { auditRoutes } from './audit.routes';
