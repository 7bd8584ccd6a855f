import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SmtpSink, type SinkMessage } from '../../testing/smtp-sink';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';
import { fastStaff } from './test-staff';

let t: TestApp;
let sink: SmtpSink;
let organizer: Caller;
let attendee: Caller;

beforeAll(async () => {
  sink = await SmtpSink.start();
  t = await createTestApp({ config: { CLARA_SMTP_URL: sink.url } });
  organizer = await fastStaff(t, 'lead');
  attendee = await fastStaff(t);
});
afterAll(async () => {
  await t.close();
  await sink.close();
});
beforeEach(() => sink.clear());

async function deliver(): Promise<SinkMessage[]> {
  await t.ctx.jobs.runDue();
  return [...sink.messages].sort((a, b) => a.to[0]!.localeCompare(b.to[0]!));
}

function invite(message: SinkMessage) {
  const part = message.parsed.attachments.find((a) => a.contentType === 'text/calendar');
  expect(part, 'an iCalendar part').toBeDefined();
  const cal = new ICAL.Component(ICAL.parse(part!.content.toString('utf8')));
  const event = cal.getFirstSubcomponent('vevent')!;
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    attendees: event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase()),
  };
}

async function createMeeting() {
  const res = await organizer.request('POST', '/api/meetings', {
    title: 'Escalation review',
    start: '2026-03-10T14:00:00Z',
    end: '2026-03-10T14:30:00Z',
    attendee_ids: [attendee.userId],
    external_attendees: [{ email: 'guest@example.com', name: 'Guest' }],
    agenda: 'Walk through last week’s escalations.',
    allow_conflicts: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('meeting invitations by email', () => {
  it('sends each attendee but the organizer a METHOD:REQUEST invitation that parses back', async () => {
    const meeting = await createMeeting();
    const mails = await deliver();
    expect(mails.map((m) => m.to[0])).toEqual([attendee.email, 'guest@example.com'].sort());
    for (const mail of mails) {
      expect(mail.parsed.subject).toBe('Invitation: Escalation review');
      expect(mail.parsed.text).toContain('When: Tuesday 10 March 2026, 14:00–14:30 (UTC)');
      expect(invite(mail)).toMatchObject({ method: 'REQUEST', uid: `${meeting.id}@clara`, sequence: 0, start: '2026-03-10T14:00:00.000Z' });
      expect(invite(mail).attendees).toContain(`mailto:${attendee.email}`);
    }
  });

  it('sends an update with a higher SEQUENCE when the time moves, and nothing for a notes change', async () => {
    const meeting = await createMeeting();
    await deliver();
    sink.clear();
    await organizer.request('PATCH', `/api/meetings/${meeting.id}`, { notes: 'internal: bring the numbers' });
    expect(await deliver()).toEqual([]);
    await organizer.request('PATCH', `/api/meetings/${meeting.id}`, { start: '2026-03-10T15:00:00Z', end: '2026-03-10T15:30:00Z', allow_conflicts: true });
    const mails = await deliver();
    expect(mails).toHaveLength(2);
    expect(mails[0]!.parsed.subject).toBe('Updated invitation: Escalation review');
    expect(invite(mails[0]!)).toMatchObject({ method: 'REQUEST', sequence: 2, start: '2026-03-10T15:00:00.000Z' });
  });

  it('cancels for a removed attendee and for everyone when the meeting is cancelled', async () => {
    const meeting = await createMeeting();
    await deliver();
    sink.clear();
    const patched = await organizer.request('PATCH', `/api/meetings/${meeting.id}`, { external_attendees: [], allow_conflicts: true });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().attendees.map((a: { email: string | null }) => a.email)).not.toContain('guest@example.com');
    const afterRemoval = await deliver();
    const toGuest = afterRemoval.find((m) => m.to[0] === 'guest@example.com');
    expect(toGuest && invite(toGuest).method).toBe('CANCEL');
    expect(afterRemoval.find((m) => m.to[0] === attendee.email) && invite(afterRemoval.find((m) => m.to[0] === attendee.email)!).method).toBe('REQUEST');
    sink.clear();
    expect((await organizer.request('DELETE', `/api/meetings/${meeting.id}`)).statusCode).toBe(200);
    const cancelled = await deliver();
    expect(cancelled.map((m) => m.to[0])).toEqual([attendee.email]);
    expect(cancelled[0]!.parsed.subject).toBe('Cancelled: Escalation review');
    expect(invite(cancelled[0]!).method).toBe('CANCEL');
  });
});
