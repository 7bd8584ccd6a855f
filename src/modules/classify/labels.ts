export const CATEGORIES = ['technical', 'billing', 'general'] as const;
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;

export type Category = (typeof CATEGORIES)[number];
export type Priority = (typeof PRIORITIES)[number];

/** Clara's helpdesk intents, each owned by one category (see README for the source mapping). */
export const INTENT_CATEGORY = {
  login_access: 'technical',
  account_management: 'technical',
  technical_issue: 'technical',
  outage: 'technical',
  security_incident: 'technical',
  how_to: 'technical',
  feature_request: 'technical',
  payment_issue: 'billing',
  unrecognized_charge: 'billing',
  refund: 'billing',
  invoice: 'billing',
  fees_and_pricing: 'billing',
  payment_info: 'billing',
  subscription_change: 'billing',
  order: 'general',
  delivery: 'general',
  contact_human: 'general',
  complaint: 'general',
  feedback: 'general',
  newsletter: 'general',
  general_question: 'general',
} as const satisfies Record<string, Category>;

export type Intent = keyof typeof INTENT_CATEGORY;
export const INTENTS = Object.keys(INTENT_CATEGORY) as Intent[];

export const PRIORITY_RANK: Record<Priority, number> = { low: 0, normal: 1, high: 2, urgent: 3 };

export function isIntent(value: string): value is Intent {
  return Object.hasOwn(INTENT_CATEGORY, value);
}

export function maxPriority(a: Priority, b: Priority): Priority {
  return PRIORITY_RANK[a] >= PRIORITY_RANK[b] ? a : b;
}
