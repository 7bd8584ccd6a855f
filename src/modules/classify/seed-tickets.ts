import type { LabeledExample } from './example.js';
import { INTENT_CATEGORY, INTENTS, type Priority } from './labels.js';
import { createRng } from '../../core/prng';
import { CLOSERS, CONTEXT, OPENERS, PRIORITY_MODIFIERS, REQUESTS, SIGNATURES, SLOTS } from './seed-phrases.js';
import { TEMPLATES } from './seed-templates.js';

function pick<T>(items: readonly T[], rng: () => number): T {
  return items[Math.floor(rng() * items.length)];
}

function fill(template: string, rng: () => number): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => pick(SLOTS[slot], rng));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Project-written helpdesk tickets (SaaS-style) generated from seed-templates.ts.
 * They cover what the open datasets lack: software bugs, outages, security, plans.
 */
export function generateSeedTickets(perIntent = 120, seed = 1): LabeledExample[] {
  const rng = createRng(seed);
  const examples: LabeledExample[] = [];
  const seen = new Set<string>();
  for (const intent of INTENTS) {
    const templates = TEMPLATES[intent];
    // Duplicates would leak between train and held-out rows, so draw until unique.
    for (let i = 0, attempts = 0; i < perIntent && attempts < perIntent * 20; attempts++) {
      let priority: Priority = templates.priority;
      const parts = [pick(OPENERS, rng), capitalize(fill(pick(templates.bodies, rng), rng))];
      // Half the tickets are long e-mails, like real inbound mail, not one-line queries.
      if (rng() < 0.5) {
        const context = CONTEXT[INTENT_CATEGORY[intent]];
        parts.push(fill(pick(context, rng), rng));
        if (rng() < 0.5) parts.push(fill(pick(context, rng), rng));
        parts.push(pick(REQUESTS, rng));
      }
      if (rng() < 0.3) {
        const modifier = pick(PRIORITY_MODIFIERS, rng);
        if (!(templates.priority === 'urgent' && modifier.priority === 'low')) {
          parts.push(modifier.text);
          priority = modifier.priority;
        }
      }
      parts.push(pick(CLOSERS, rng));
      let description = parts.filter(Boolean).join(rng() < 0.5 ? '\n\n' : ' ');
      if (rng() < 0.25) description += pick(SIGNATURES, rng);
      const subject = rng() < 0.8 ? capitalize(fill(pick(templates.subjects, rng), rng)) : '';
      const key = `${subject}\n${description}`;
      if (seen.has(key)) continue;
      seen.add(key);
      examples.push({
        id: `seed:${intent}:${i++}`,
        source: 'clara-seed',
        subject,
        description,
        category: INTENT_CATEGORY[intent],
        priority,
        intent,
      });
    }
  }
  return examples;
}
