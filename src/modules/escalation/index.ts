export { escalationRules, ticketEscalations, queueMembers, queueAssignment, ASSIGNMENT_MODES, type AssignmentMode } from './escalation.table';
export { escalationRoutes } from './escalation.routes';
export { subscribeEscalations, subscribeAutoAssign, autoAssignTicket } from './escalation.listeners';
export { evaluateEscalations, type FiredRule, type Trigger } from './escalation.service';
export { seedEscalationRules } from './rules.service';
export { pickAssignee } from './assignment.service';
export { detectHumanRequest, detectRepeatContact, detectThreat, detectAnger, detectSecurityIncident, scoreSentiment } from './detectors';
export { DEFAULT_RULES, ESCALATIONS_QUEUE } from './default-rules';
export { escalationsOnArrival, type ArrivalEscalation } from './arrival';
