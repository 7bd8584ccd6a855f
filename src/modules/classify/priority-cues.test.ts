import { describe, expect, it } from 'vitest';
import { decidePriority, priorityCue } from './priority-cues';

const cue = (subject: string, body: string) => priorityCue(subject.toLowerCase(), body.toLowerCase())?.priority;

describe('domain-neutral priority cues', () => {
  it.each([
    ['Nobody can sign in', 'None of our 40 staff can log in since 8am, everyone gets an error.'],
    ['Files gone', 'All the project files from last week are gone from the list.'],
    ['Weird logins', 'There are suspicious logins on our admin account tonight.'],
    ['Heater', 'The heater smelled of gas and is dangerous to use.'],
    ['Shop down?', 'Your website is down, I get a 502 error on every page.'],
    ['Tablets', 'Since opening, no one can check in on the front-desk tablets, they are frozen.'],
    ['Not me', 'There is a purchase on my account that I never made, somebody has used my login.'],
    ['Payments page', 'Error 500 on the payment page for all of our customers this morning.'],
  ])('reads "%s" as urgent', (subject, body) => {
    expect(cue(subject, body)).toBe('urgent');
  });

  it.each([
    ['Charged twice', 'You charged me twice for the same month.'],
    ['Locked out', "I can't log in and need the report for my boss."],
    ['Parcel', 'Tracking says delivered but there is nothing at my door.'],
    ['Report', 'The monthly report is wrong and it is due tomorrow.'],
    ['Sync', 'The calendar sync has been failing since Friday with a timeout.'],
    ['Cancelled', 'I cancelled the order within the hour but the amount was still debited.'],
    ['Bank', 'I have told my bank to reverse the payment.'],
    ['Voucher', 'The voucher code does not work and the offer ends tonight.'],
    ['Report today', 'I need to send the payroll report to the accountant today and the totals are wrong.'],
  ])('reads "%s" as high', (subject, body) => {
    expect(cue(subject, body)).toBe('high');
  });

  it.each([
    ['Question', 'Hi! Is it possible to export the calendar to Outlook?'],
    ['Idea', 'It would be great to have a dark theme.'],
    ['Thanks', 'Thank you for the quick help, great service!'],
    ['Pricing', 'We are a school. Do you offer a discount for schools?'],
    ['Kind words', 'The new calendar view made my week so much easier, thanks!'],
  ])('reads "%s" as low', (subject, body) => {
    expect(cue(subject, body)).toBe('low');
  });

  it('leaves a question that reports a problem, or asks for a person, to the model', () => {
    expect(cue('Export', 'How do I export? The button does not work.')).toBeUndefined();
    expect(cue('Call', 'Can someone call me about our contract?')).toBeUndefined();
  });
});

describe('decidePriority', () => {
  it('uses the model only when it is sure, else normal', () => {
    const ticket = { subject: 'Calendar', description: 'The calendar shows last week.' };
    expect(decidePriority(ticket, { priority: 'high', confidence: 0.95 }).priority).toBe('high');
    expect(decidePriority(ticket, { priority: 'high', confidence: 0.5 }).priority).toBe('normal');
  });

  it('lets an urgent keyword raise a cue and says why', () => {
    const d = decidePriority({ subject: 'URGENT', description: 'How do I add a user?' }, { priority: 'low', confidence: 0.9 });
    expect(d).toMatchObject({ priority: 'urgent', confidence: 1 });
    expect(d.reason).toMatch(/urgent/);
  });
});
