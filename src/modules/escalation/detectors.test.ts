import { describe, expect, it } from 'vitest';
import { detectAnger, detectFrustration, detectHumanRequest, detectLegalThreat, detectRepeatContact, detectSafety, detectSecurityIncident, detectThreat, scoreSentiment } from './detectors';

describe('the "human please" detector', () => {
  it.each([
    'I want to talk to a manager, third time writing!',
    'Can I speak to a real person please?',
    'Let me speak with someone in charge.',
    'Please escalate this to your supervisor.',
    'Transfer me to an agent now',
    'get me a human',
    'I need a real human, not a bot',
    'Is there an actual person reading this?',
    'human please',
    'Am I talking to a bot?',
    'I would like to talk with one of your representatives.',
    'Connect me to a live agent.',
    'I demand a manager.',
  ])('fires on "%s"', (text) => {
    expect(detectHumanRequest(text)).not.toBeNull();
  });

  it.each([
    'The human resources module is broken',
    'Our manager approved the invoice yesterday.',
    'The password manager does not sync anymore.',
    'My supervisor asked me to report this bug.',
    'I spoke to my manager about the renewal.',
    'The report is not human readable.',
    'This looks like a human error in the export.',
    'We need a manager account for our new team lead.',
    'Please tell your manager the invoice address changed.',
  ])('stays quiet on "%s"', (text) => {
    expect(detectHumanRequest(text)).toBeNull();
  });

  it('quotes the words it matched', () => {
    expect(detectHumanRequest('Hi. I want to talk to a manager, third time writing!')?.quote).toBe('talk to a manager');
  });
});

describe('the repeat-contact detector', () => {
  it.each([
    'third time writing!',
    'This is the third time I am writing about my broken sync.',
    "I've already contacted you about this twice.",
    'I already reported this last week.',
    'Writing again because nobody answered.',
    'The bug is still not fixed.',
  ])('fires on "%s"', (text) => {
    expect(detectRepeatContact(text)).not.toBeNull();
  });

  it.each(['The link is still empty.', 'First time using the app, love it.', 'I write reports every week.'])('stays quiet on "%s"', (text) => {
    expect(detectRepeatContact(text)).toBeNull();
  });
});

describe('threat, anger and security detectors', () => {
  it('finds threats to cancel or take legal action', () => {
    expect(detectThreat('I will cancel my subscription today')).not.toBeNull();
    expect(detectThreat('You will hear from my lawyer')).not.toBeNull();
    expect(detectThreat('How can I change my plan?')).toBeNull();
  });

  it('finds anger', () => {
    expect(detectAnger('This is ridiculous and unacceptable')).not.toBeNull();
    expect(detectAnger('Thanks, that worked')).toBeNull();
  });

  it.each(['My account was hacked', 'There was unauthorized access to our workspace', 'All my notes are gone after the update', 'We lost all our data', 'Our customer data was leaked'])(
    'finds a security incident or data loss in "%s"',
    (text) => {
      expect(detectSecurityIncident(text)).not.toBeNull();
    },
  );

  it.each(['I lost my phone and need new 2FA codes', 'The app has a memory leak on Android', 'How long do you keep deleted items?'])('stays quiet on "%s"', (text) => {
    expect(detectSecurityIncident(text)).toBeNull();
  });
});

describe('sentiment scoring', () => {
  it('scores angry text clearly negative and neutral text near zero', () => {
    expect(scoreSentiment('This is ridiculous and unacceptable. I will cancel and talk to my lawyer.').score).toBeLessThan(-2);
    expect(scoreSentiment('Send me the invoice for March.').score).toBe(0);
    expect(scoreSentiment('Thanks, great help!').score).toBeGreaterThan(0);
  });
});

describe('escalation cues in customers own words', () => {
  it.each([
    'Can someone from your team call me about this please?',
    'Please have somebody who knows the product phone me.',
    'Could you call me back today? 0171 555 0100',
  ])('hears a request for a person in "%s"', (text) => {
    expect(detectHumanRequest(text)).not.toBeNull();
  });

  it.each([
    'I asked three times how to export and every answer was a link.',
    'I wrote to you on Tuesday and again on Thursday.',
    'Still no answer from anyone.',
    "We haven't heard back since last week.",
    'You told me on Monday the sync was fixed, it is not.',
  ])('hears repeat contact in "%s"', (text) => {
    expect(detectRepeatContact(text)).not.toBeNull();
  });

  it.each(['I tried 3 times to reset my password.', 'Can I call you tomorrow instead?', 'Our call center agents need access.'])('hears no repeat contact in "%s"', (text) => {
    expect(detectRepeatContact(text)).toBeNull();
  });

  it.each(['I will file a chargeback with my bank.', 'We are disputing the charge.', 'Our legal department will be in touch.'])('hears a legal threat in "%s"', (text) => {
    expect(detectLegalThreat(text)).not.toBeNull();
  });

  it.each([
    'Two weeks for a reply is a joke.',
    'Honestly, what kind of service is this?',
    "I'm sick of restarting the app every morning.",
    'Thanks for nothing.',
    'Is anyone even testing this?',
  ])('hears strong frustration in "%s", whatever its sentiment score', (text) => {
    expect(detectFrustration(text)).not.toBeNull();
  });

  it.each(['Great product, thanks for the quick help!', 'What is the worst case for the migration time?', 'The joke feature in the bot is fun'])(
    'hears no frustration in "%s"',
    (text) => {
      expect(detectFrustration(text)).toBeNull();
    },
  );

  it.each([
    'All the invoices for March are gone from the list.',
    'Our saved reports vanished overnight.',
    'Did we lose them? We spent two days on it.',
    'There are sign-ins to our admin account from another country.',
    'I see suspicious logins in the audit log.',
    'Someone changed my email and placed an order.',
  ])('hears lost records or a break-in in "%s"', (text) => {
    expect(detectSecurityIncident(text)).not.toBeNull();
  });

  it.each(['My cart is empty after I log in.', 'The error disappeared after the update? No, sorry, it is still there.', 'How do I sign in from another device?'])(
    'stays quiet on "%s"',
    (text) => {
      expect(detectSecurityIncident(text)).toBeNull();
    },
  );
});

describe('more escalation cues', () => {
  it.each(['The charger got so hot it burned my hand.', 'The lamp gave my son an electric shock.', 'This heater is dangerous.'])('hears a safety risk in "%s"', (text) => {
    expect(detectSafety(text)).not.toBeNull();
  });

  it.each(['Is the tent safe to use in snow?', 'How hot does the stove get?'])('hears no safety risk in "%s"', (text) => {
    expect(detectSafety(text)).toBeNull();
  });

  it('hears an account used by somebody else and orders the customer never placed', () => {
    expect(detectSecurityIncident('Somebody is using my account to buy things.')).not.toBeNull();
    expect(detectSecurityIncident('There are two orders on my account that I did not place.')).not.toBeNull();
    expect(detectSecurityIncident('Where can I see the orders I placed last year?')).toBeNull();
  });

  it('does not hear repeat contact in asking the product for something several times', () => {
    expect(detectRepeatContact('No code\nI asked for a new login code 3 times and none came.')).toBeNull();
    expect(detectRepeatContact('I have emailed you 3 times about this.')).not.toBeNull();
  });

  it('hears a review or social-media threat, "for the third time" and deep disappointment', () => {
    expect(detectThreat('I will leave a bad review everywhere.')).not.toBeNull();
    expect(detectRepeatContact('I am asking for the third time now.')).not.toBeNull();
    expect(detectFrustration('Extremely disappointed with how this went.')).not.toBeNull();
  });
});
