import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route'>;
  ticketsCreated: Counter<'channel'>;
  jobQueueDepth: Gauge<'status'>;
  intakeHeld: Histogram;
}

// One registry per app instance so tests can build many apps in one process.
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'clara_' });
  return {
    registry,
    httpRequests: new Counter({
      name: 'clara_http_requests_total',
      help: 'HTTP requests by method, route and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'clara_http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    ticketsCreated: new Counter({
      name: 'clara_tickets_created_total',
      help: 'Tickets created by channel',
      labelNames: ['channel'],
      registers: [registry],
    }),
    jobQueueDepth: new Gauge({
      name: 'clara_job_queue_depth',
      help: 'Jobs by status',
      labelNames: ['status'],
      registers: [registry],
    }),
    intakeHeld: new Histogram({
      name: 'clara_intake_held_seconds',
      help: 'How long new tickets waited for the job backlog to shrink (only those that waited)',
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}
