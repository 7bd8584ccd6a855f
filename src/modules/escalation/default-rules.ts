import type { Condition, CreateRuleBody } from './rules.schema';

export const ESCALATIONS_QUEUE = 'Escalations';

// Escalated tickets go to a senior person: round-robin among the Escalations queue's members, if it has any.
const escalate = [
  { type: 'set_status', status: 'escalated' },
  { type: 'move_to_queue', queue: ESCALATIONS_QUEUE },
  { type: 'assign_round_robin', queue: ESCALATIONS_QUEUE },
] as const;

// Seeded once; admins edit them freely. Urgency alone escalates nothing: urgent tickets already get
// the urgent SLA and the tier-2 queue, while escalation means a senior person must look.
export const DEFAULT_RULES: CreateRuleBody[] = [
  {
    name: 'Customer asks for a person',
    description: 'An explicit request for a human, a manager or a supervisor.',
    enabled: true,
    position: 10,
    conditions: { type: 'human_requested' },
    actions: [...escalate, { type: 'add_tag', tag: 'wants-human' }, { type: 'notify', recipients: ['assignee', 'queue', 'leads'], user_ids: [] }],
  },
  {
    name: 'Angry or threatening customer',
    description: 'Legal steps or a chargeback, strong frustration, or anger or a threat to cancel in a clearly negative message.',
    enabled: true,
    position: 20,
    conditions: {
      any: [
        { type: 'detector', name: 'legal_threat' },
        { type: 'detector', name: 'frustration' },
        { all: [{ type: 'sentiment_below', threshold: -2 }, { any: [{ type: 'detector', name: 'threat' }, { type: 'detector', name: 'anger' }] }] },
      ],
    },
    actions: [...escalate, { type: 'add_tag', tag: 'angry-customer' }, { type: 'notify', recipients: ['assignee', 'queue', 'leads'], user_ids: [] }],
  },
  {
    name: 'Security breach or data loss',
    description: 'A hacked account, unauthorized access, leaked or lost data, or an injury or safety risk.',
    enabled: true,
    position: 30,
    conditions: { any: [{ type: 'detector', name: 'security_incident' }, { type: 'detector', name: 'safety' }] },
    actions: [...escalate, { type: 'raise_priority', to: 'urgent' }, { type: 'add_tag', tag: 'security' }, { type: 'notify', recipients: ['assignee', 'queue', 'leads', 'admins'], user_ids: [] }],
  },
  {
    name: 'Repeat contact',
    description: 'Reopened twice or more, or the customer says they have written about this before.',
    enabled: true,
    position: 40,
    conditions: { any: [{ type: 'reopened', at_least: 2 }, { type: 'repeat_contact' }] },
    actions: [...escalate, { type: 'add_tag', tag: 'repeat-contact' }, { type: 'notify', recipients: ['assignee', 'queue', 'leads'], user_ids: [] }],
  },
  {
    name: 'SLA breached',
    description: 'A first-response or resolution deadline passed.',
    enabled: true,
    position: 50,
    conditions: { type: 'sla', state: 'breached' },
    actions: [{ type: 'set_status', status: 'escalated' }, { type: 'move_to_queue', queue: ESCALATIONS_QUEUE }, { type: 'notify', recipients: ['assignee', 'leads'], user_ids: [] }],
  },
];

/** Conditions earlier versions seeded; `seedEscalationRules` moves a rule still holding one to the current default. */
export const SUPERSEDED_CONDITIONS: Record<string, Condition[]> = {
  'Security breach or data loss': [{ type: 'detector', name: 'security_incident' }],
  'Angry or threatening customer': [
    { all: [{ type: 'sentiment_below', threshold: -2 }, { any: [{ type: 'detector', name: 'threat' }, { type: 'detector', name: 'anger' }] }] },
  ],
};
