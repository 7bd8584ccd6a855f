import type { Priority } from './labels.js';

export const SLOTS: Record<string, string[]> = {
  area: ['the dashboard', 'the mobile app', 'the admin panel', 'the reports page', 'the API', 'search',
    'file uploads', 'calendar sync', 'email notifications', 'the CSV export', 'the Slack integration',
    'single sign-on', 'the ticket view', 'our webhooks', 'the desktop app', 'the import tool', 'the VPN',
    'the company network', 'the database', 'the web server', 'our website', 'the WordPress plugin', 'the CRM',
    'the online store', 'the analytics dashboard', 'the backup job', 'cloud storage', 'the email client'],
  error: ['error 500', 'a blank white page', '"Something went wrong"', 'a timeout', 'error code 403',
    'an endless spinner', 'a 502 Bad Gateway', '"unexpected token"', 'a stack trace', 'error 0x80070005'],
  platform: ['Chrome', 'Firefox', 'Safari', 'the iOS app', 'the Android app', 'Windows 11', 'macOS', 'Edge'],
  when: ['since this morning', 'after yesterday\'s update', 'since we upgraded', 'for the last two days',
    'on and off this week', 'since 9am', 'after the latest release', 'since Friday'],
  plan: ['Starter', 'Pro', 'Business', 'Enterprise', 'Team'],
  amount: ['$49', '€120', '$299.00', '£15', '$1,200', '€39.90'],
  month: ['March', 'last month', 'October', 'this month', 'January', 'the last billing cycle'],
  feature: ['dark mode', 'a bulk edit option', 'custom fields on tickets', 'two-factor login via SMS',
    'a Zapier integration', 'exporting to PDF', 'recurring tasks', 'keyboard shortcuts', 'an audit log'],
  task: ['add a new user', 'reset someone\'s permissions', 'set up a webhook', 'connect Google Calendar',
    'create a report', 'change the default language', 'import contacts from a CSV', 'enable SSO',
    'merge two tickets', 'set up email forwarding'],
};

export const OPENERS = ['', 'Hi,', 'Hello team,', 'Hi support,', 'Good morning,', 'Dear Support,', 'Hey,'];
export const CLOSERS = ['', 'Thanks.', 'Thank you!', 'Any help appreciated.', 'Please advise.', 'Thanks in advance'];

// Appended to a ticket to move its priority; the label follows the phrase.
export const PRIORITY_MODIFIERS: { text: string; priority: Priority }[] = [
  { text: 'This is urgent, please help ASAP!', priority: 'urgent' },
  { text: 'URGENT: our whole team is blocked.', priority: 'urgent' },
  { text: 'This is blocking our work, please look at it today.', priority: 'high' },
  { text: 'We have a deadline tomorrow so this is important.', priority: 'high' },
  { text: 'No rush, whenever you have time.', priority: 'low' },
  { text: 'Not urgent at all.', priority: 'low' },
];

/** Extra sentences that make long-form tickets look like real e-mails. */
export const CONTEXT: Record<'technical' | 'billing' | 'general', string[]> = {
  technical: [
    'I have already restarted the system and reinstalled the app, but the problem persists.',
    'Clearing the browser cache and trying {platform} did not help.',
    'We checked the firewall settings and the logs but found nothing obvious.',
    'It might be caused by a recent update or a configuration change on our side.',
    'Other users in our team see the same behaviour.',
    'Screenshots and the log file are attached.',
    'We are running the latest version on {platform}.',
  ],
  billing: [
    'Our account ID is 48213.',
    'The invoice number is INV-2024-0193.',
    'Our finance team needs this sorted out before the end of the month.',
    'We are on the {plan} plan, billed monthly.',
    'The amount on our statement does not match our contract.',
    'I have attached a screenshot of the bank statement.',
  ],
  general: [
    'We are a team of about 20 people.',
    'I could not find this information on your website.',
    'We are comparing several vendors at the moment.',
    'I am happy to jump on a call if that is easier.',
    'I have been a customer for three years.',
  ],
};

export const REQUESTS = ['Could you please look into this?', 'Please let me know how to proceed.',
  'I would appreciate your help.', 'Can you advise on the next steps?', 'Looking forward to your reply.',
  'Could you provide more details?'];

export const SIGNATURES = ['\n\nBest regards,\nAnna Schmidt\nOps Lead', '\n-- \nTom Baker | Acme Corp | +1 555 0100',
  '\n\nSent from my iPhone', '\n\nThanks,\nLi'];
