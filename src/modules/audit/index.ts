export { auditBy, auditChange, recordAudit, type AuditBy, type AuditEvent } from './audit.service';
export { auditDiff, maskSecrets, MASKED, type AuditRecord } from './audit-diff';
export { auditRoutes } from './audit.routes';
