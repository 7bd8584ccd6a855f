import type { QueueRow } from './queues.table';

// Creating, renaming and archiving queues (which rewrites routes, rules and tickets) is
// `escalation/queue-admin.service.ts`; this module keeps the table and its view.
export const queueView = (q: QueueRow) => ({ id: q.id, name: q.name, description: q.description, tier: q.tier, active: q.active });
