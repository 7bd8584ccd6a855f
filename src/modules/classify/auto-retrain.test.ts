import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../core/jobs.table';
import { setSetting } from '../../core/settings';
import { createTestApp, validTicketBody, type Caller, type TestApp } from '../../testing/test-app';
import { LAST_TRAINING_SETTING, TRAIN_JOB } from './classify.service';

let t: TestApp;
let agent: Caller;

beforeAll(async () => {
  t = await createTestApp({ config: { CLARA_CLASSIFIER_RETRAIN_AFTER: 2 } });
  agent = await t.as('agent');
});
afterAll(async () => t.close());

const queuedTrainings = async () =>
  (await t.ctx.db.select().from(jobs).where(and(eq(jobs.name, TRAIN_JOB), eq(jobs.status, 'pending')))).length;

async function correctedTicket(subject: string) {
  const ticket = (await agent.request('POST', '/api/tickets', validTicketBody({ subject, description: `${subject}: details of the problem.` }))).json();
  const category = ticket.category === 'billing' ? 'general' : 'billing';
  expect((await agent.request('PATCH', `/api/tickets/${ticket.id}`, { category })).statusCode).toBe(200);
}

describe('retraining from agents’ corrections', () => {
  it('is queued once the configured number of tickets was corrected since the last training, once', async () => {
    await correctedTicket('Roster export looks odd');
    expect(await queuedTrainings()).toBe(0);
    await correctedTicket('Kiosk keeps asking for a PIN');
    expect(await queuedTrainings()).toBe(1);
    await correctedTicket('Payroll file has blank rows');
    expect(await queuedTrainings()).toBe(1);
  });

  it('counts only corrections the last training has not seen', async () => {
    await t.ctx.db.delete(jobs).where(eq(jobs.name, TRAIN_JOB));
    await setSetting(t.ctx.db, LAST_TRAINING_SETTING, { at: t.clock.now().toISOString(), promoted: false, feedback_examples: 3 }, null, t.clock.now());
    await correctedTicket('Swap button missing');
    expect(await queuedTrainings()).toBe(0);
    await correctedTicket('Geofence radius too small');
    expect(await queuedTrainings()).toBe(1);
  });
});
