export { queues, slas, type QueueRow, type SlaRow } from './queues.table';
export { DEFAULT_QUEUE, DEFAULT_QUEUES, DEFAULT_SLAS } from './queues.defaults';
export { ensureDefaultQueuesAndSlas, findQueueById, findQueueByName, findQueues, findSlaForPriority, QUEUES_CACHE } from './queues.queries';
export { queuesRoutes } from './queues.routes';
export { queueView } from './queues.service';
export { ArchiveQueueBody, ArchivedQueue, CreateQueueBody, Queue, QueueParams, UpdateQueueBody } from './queues.schema';
