import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { DEMO_KB_DIR } from './article-files';
import { importArticles, readDrafts } from './kb-import.service';

let t: TestApp;
let admin: Caller;
let lead: Caller;

beforeAll(async () => {
  t = await createTestApp({ config: { CLARA_AUTORESOLVE_THRESHOLD: 0.85 } });
  await importArticles(t.ctx, await readDrafts(DEMO_KB_DIR));
  admin = await t.asAdmin();
  lead = await t.as('lead');
});
afterAll(() => t.close());

const URL = '/api/admin/settings/autoresolve';
const covered = { subject: 'Two-factor authentication', description: 'How do I regenerate my recovery codes for two-factor authentication?', email: 'jane@example.com' };

async function newPublicTicketStatus(): Promise<string> {
  const res = await t.anonymous().request('POST', '/api/public/tickets', covered);
  expect(res.statusCode).toBe(201);
  return (await admin.request('GET', `/api/tickets/${res.json().number}`)).json().status;
}

describe('the auto-resolve threshold setting', () => {
  it('reports the CLARA_AUTORESOLVE_THRESHOLD default while no admin has set one', async () => {
    const res = await lead.request('GET', URL);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ threshold: 0.85, source: 'default', default_threshold: 0.85 });
  });

  it('lets an admin change it, records the change in the audit log, and refuses a lead', async () => {
    expect((await lead.request('PUT', URL, { threshold: 0.9 })).statusCode).toBe(403);
    const res = await admin.request('PUT', URL, { threshold: 0.9 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ threshold: 0.9, source: 'setting', default_threshold: 0.85 });
    expect((await lead.request('GET', URL)).json().threshold).toBe(0.9);
    const audit = (await admin.request('GET', '/api/admin/audit?action=settings.autoresolve_changed')).json();
    expect(audit.items[0]).toMatchObject({ action: 'settings.autoresolve_changed', details: { old: null, new: 0.9 } });
  });

  it('refuses a threshold below 0.5 or above 1 with 400 naming the field', async () => {
    for (const threshold of [0.2, 1.5, 'high']) {
      const res = await admin.request('PUT', URL, { threshold });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.json().error.details)).toContain('threshold');
    }
  });

  it('stops auto-resolving a covered question once the bar is raised to 1, and resumes at the default', async () => {
    await admin.request('PUT', URL, { threshold: 1 });
    expect(await newPublicTicketStatus()).toBe('open');
    const back = await admin.request('PUT', URL, { threshold: null });
    expect(back.json()).toEqual({ threshold: 0.85, source: 'default', default_threshold: 0.85 });
    expect(await newPublicTicketStatus()).toBe('resolved');
  });
});
