import type { LabeledExample } from './example.js';
import type { Category, Intent, Priority } from './labels.js';

// The original implementation guide's own training examples (../shared/origin/, "Generate synthetic
// training data"), with its labels mapped to Clara's: login_issue and password_reset → login_access,
// billing_issue → the matching billing intent, account_question → general. Training only, never held out.
const GROUPS: { category: Category; priority: Priority; texts: [string, Intent][] }[] = [
  {
    category: 'technical',
    priority: 'high',
    texts: [
      ["I can't login to my account", 'login_access'],
      ['Login button not working', 'login_access'],
      ['Access denied when trying to sign in', 'login_access'],
      ['Locked out of my account', 'login_access'],
      ['Password not accepted', 'login_access'],
    ],
  },
  {
    category: 'technical',
    priority: 'normal',
    texts: [
      ['How do I reset my password?', 'login_access'],
      ['Forgot my password', 'login_access'],
      ['Need to change my password', 'login_access'],
      ['Password reset link not working', 'login_access'],
    ],
  },
  {
    category: 'billing',
    priority: 'high',
    texts: [
      ['I was charged twice', 'unrecognized_charge'],
      ['Incorrect billing amount', 'invoice'],
      ['Need a refund', 'refund'],
      ['Payment failed but order went through', 'payment_issue'],
      ["Invoice doesn't match", 'invoice'],
    ],
  },
  {
    category: 'general',
    priority: 'low',
    texts: [
      ['How do I update my profile?', 'general_question'],
      ['What are your business hours?', 'general_question'],
      ['Do you ship internationally?', 'delivery'],
      ['Can I cancel my order?', 'order'],
    ],
  },
];

export const ORIGIN_SOURCE = 'Original Clara implementation guide examples (shared/origin)';

export function originExamples(): LabeledExample[] {
  return GROUPS.flatMap((g) =>
    g.texts.map(([text, intent], i) => ({
      id: `origin-${g.category}-${g.priority}-${i}`,
      source: 'origin',
      subject: '',
      description: text,
      category: g.category,
      priority: g.priority,
      intent,
    })),
  );
}
