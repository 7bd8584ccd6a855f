import type { Category, Priority, Status } from '../tickets';

export const DEMO_STAFF = [
  { email: 'lena.lead@clara.local', name: 'Lena Lead', role: 'lead' as const, timezone: 'Europe/Berlin' },
  { email: 'arjun.agent@clara.local', name: 'Arjun Agent', role: 'agent' as const, timezone: 'Asia/Kolkata' },
  { email: 'maria.agent@clara.local', name: 'Maria Agent', role: 'agent' as const, timezone: 'America/New_York' },
  { email: 'victor.viewer@clara.local', name: 'Victor Viewer', role: 'viewer' as const, timezone: 'UTC' },
];

export interface DemoTicket {
  subject: string;
  description: string;
  email: string;
  name: string;
  channel: 'email' | 'chat' | 'web' | 'voice';
  category?: Category;
  priority?: Priority;
  status?: Status;
  assignee?: string;
  reply?: string;
  tags?: string[];
  /** Minutes before the demo is loaded that the request came in. */
  ago: number;
  /** Minutes after it came in that the reply was sent. */
  replyAfter?: number;
}

export const DEMO_TICKETS: DemoTicket[] = [
  {
    subject: 'Cannot log in after password reset',
    ago: 95, replyAfter: 25,
    description: 'I reset my password an hour ago but the login page keeps saying my credentials are invalid. I need access for a client call this afternoon.',
    email: 'olivia.brown@example.com',
    name: 'Olivia Brown',
    channel: 'web',
    category: 'technical',
    priority: 'high',
    assignee: 'arjun.agent@clara.local',
    reply: 'Sorry about that, Olivia. I have cleared the lockout on your account; please try once more and tell me if it still fails.',
  },
  {
    subject: 'Charged twice for the November invoice',
    ago: 5 * 60,
    description: 'My credit card statement shows two charges of 49.00 EUR for invoice INV-2291. Please refund the duplicate charge.',
    email: 'k.tanaka@example.org',
    name: 'Kenji Tanaka',
    channel: 'email',
    category: 'billing',
    priority: 'normal',
    tags: ['refund'],
  },
  {
    subject: 'Production API down for everyone',
    ago: 20,
    description: 'Since 09:12 UTC all our API calls return 502. Our whole checkout is down for everyone. This is an outage, please help asap.',
    email: 'ops@northwind.example',
    name: 'Northwind Ops',
    channel: 'email',
    category: 'technical',
    priority: 'urgent',
    status: 'escalated',
    assignee: 'lena.lead@clara.local',
    tags: ['outage'],
  },
  {
    subject: 'How do I export my data?',
    ago: 26 * 60, replyAfter: 3 * 60,
    description: 'Is there a way to export all my projects and comments to CSV? I want to keep a backup before the end of the year.',
    email: 'sam.lee@example.net',
    name: 'Sam Lee',
    channel: 'chat',
    category: 'general',
    priority: 'low',
    status: 'resolved',
    reply: 'Yes: Settings → Data → Export creates a ZIP with CSV files of all projects and comments.',
  },
  {
    subject: 'Upgrade to the annual plan',
    ago: 9 * 60, replyAfter: 2 * 60,
    description: 'We would like to switch from monthly to annual billing for our team of 12. Will the unused part of this month be credited?',
    email: 'finance@contoso.example',
    name: 'Contoso Finance',
    channel: 'web',
    category: 'billing',
    priority: 'normal',
    status: 'pending',
    assignee: 'maria.agent@clara.local',
    reply: 'Happy to help. Could you confirm the workspace name so I can prepare the prorated quote?',
  },
  {
    subject: 'Webhook deliveries failing with timeout',
    ago: 50,
    description: 'Our webhook endpoint receives nothing since yesterday and the dashboard shows timeouts after 10 seconds for every delivery.',
    email: 'dev@fabrikam.example',
    name: 'Fabrikam Dev',
    channel: 'email',
    category: 'technical',
    priority: 'high',
  },
  {
    subject: 'Question about invoice address',
    ago: 3 * 24 * 60,
    description: 'Can you change the billing address on our invoices to our new office at 12 Harbour Street? Thank you very much.',
    email: 'office@example.com',
    name: 'Greta Holm',
    channel: 'email',
    category: 'billing',
    priority: 'low',
    status: 'closed',
  },
  {
    subject: 'I want to speak to a manager',
    ago: 150,
    description: 'This is the third time I am writing about my broken sync. Nobody fixes it. I want to speak to a manager or I will cancel my subscription.',
    email: 'angry.customer@example.com',
    name: 'Pat Miller',
    channel: 'chat',
    category: 'technical',
    priority: 'high',
    tags: ['sync'],
  },
  {
    subject: 'Mobile app does not sync notes',
    ago: 30,
    description: 'Notes I write on the Android app do not appear on the web app. I am on version 5.2.1 and already reinstalled the app.',
    email: 'jo.kim@example.org',
    name: 'Jo Kim',
    channel: 'web',
  },
  {
    subject: 'Feature request: dark mode',
    ago: 4 * 60,
    description: 'It would be lovely to have a dark mode in the web app. Working late is hard on the eyes with the bright theme.',
    email: 'sam.lee@example.net',
    name: 'Sam Lee',
    channel: 'web',
  },
];
