import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';

let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp({ config: { CLARA_INTAKE_MAX_LAG_MS: 1_000, CLARA_INTAKE_MAX_WAIT_MS: 400 } });
  admin = await t.asAdmin();
});
afterAll(() => t.close());

async function timedCreate(): Promise<number> {
  const start = performance.now();
  const res = await admin.request('POST', '/api/tickets', validTicketBody());
  expect(res.statusCode).toBe(201);
  return performance.now() - start;
}

/** The gate reads the backlog at most every 100 ms and serves that reading in between. */
const sleepPastReading = () => new Promise((r) => setTimeout(r, 150));

async function heldCount(): Promise<number> {
  const metric = await t.ctx.metrics.intakeHeld.get();
  return metric.values.find((v) => v.metricName === 'clara_intake_held_seconds_count')?.value ?? 0;
}

it('holds a new ticket back while earlier follow-ups are late, and takes it anyway after the longest wait', async () => {
  await timedCreate();
  t.clock.advance(5_000);
  await sleepPastReading();
  expect(await timedCreate()).toBeGreaterThanOrEqual(390);
  expect(await heldCount()).toBe(1);
});

it('takes new tickets at once when the follow-ups have caught up', async () => {
  await t.settle();
  await sleepPastReading();
  await timedCreate();
  expect(await heldCount()).toBe(1);
});
