import { describe, expect, it } from 'vitest';
import { evaluateCondition, type Facts } from './conditions';
import { ConditionSchema } from './rules.schema';

function facts(overrides: Partial<Facts> = {}, text = 'The export button does nothing.'): Facts {
  return {
    priority: 'normal',
    reopenCount: 0,
    vip: false,
    sla: { first_response: 'ok', resolution: 'ok' },
    classifierConfidence: { category: 0.9, priority: 0.9, intent: 0.9 },
    answerConfidence: null,
    message: { id: 'm1', text, sentiment: { score: 0, comparative: 0 } },
    ...overrides,
  };
}

describe('rule conditions', () => {
  it('sla holds from the named state on and keys the cause by target', () => {
    const c = ConditionSchema.parse({ type: 'sla', state: 'warning' });
    expect(evaluateCondition(c, facts())).toBeNull();
    expect(evaluateCondition(c, facts({ sla: { first_response: 'breached', resolution: 'ok' } }))).toEqual({
      causes: ['sla:first_response:warning'],
      reasons: ['the first response SLA is about to be breached'],
    });
  });

  it('priority holds for the listed priorities only', () => {
    const c = ConditionSchema.parse({ type: 'priority', in: ['urgent'] });
    expect(evaluateCondition(c, facts())).toBeNull();
    expect(evaluateCondition(c, facts({ priority: 'urgent' }))?.causes).toEqual(['priority:urgent']);
  });

  it('sentiment_below compares the message score with the threshold', () => {
    const c = ConditionSchema.parse({ type: 'sentiment_below', threshold: -2 });
    expect(evaluateCondition(c, facts())).toBeNull();
    const angry = facts({ message: { id: 'm2', text: 'awful', sentiment: { score: -5, comparative: -1 } } });
    expect(evaluateCondition(c, angry)).toEqual({ causes: ['message:m2'], reasons: ["the customer's message reads negative (sentiment -5)"] });
  });

  it('human_requested quotes the request', () => {
    const c = ConditionSchema.parse({ type: 'human_requested' });
    expect(evaluateCondition(c, facts({}, 'Can I speak to a real person?'))?.reasons[0]).toContain('"speak to a real person"');
    expect(evaluateCondition(c, facts({}, 'The human resources module is broken'))).toBeNull();
  });

  it('repeat_contact and reopened count the customer coming back', () => {
    expect(evaluateCondition(ConditionSchema.parse({ type: 'repeat_contact' }), facts({}, 'Third time I am writing!'))).not.toBeNull();
    const reopened = ConditionSchema.parse({ type: 'reopened', at_least: 2 });
    expect(evaluateCondition(reopened, facts({ reopenCount: 1 }))).toBeNull();
    expect(evaluateCondition(reopened, facts({ reopenCount: 2 }))).toEqual({ causes: ['reopened:2'], reasons: ['the ticket was reopened 2 times'] });
  });

  it('vip holds for VIP customers', () => {
    const c = ConditionSchema.parse({ type: 'vip' });
    expect(evaluateCondition(c, facts())).toBeNull();
    expect(evaluateCondition(c, facts({ vip: true }))?.reasons).toEqual(['the customer is a VIP']);
  });

  it('low_confidence reads the classifier head or the answer confidence', () => {
    const classifier = ConditionSchema.parse({ type: 'low_confidence', source: 'classifier', below: 0.5, head: 'intent' });
    expect(evaluateCondition(classifier, facts())).toBeNull();
    expect(evaluateCondition(classifier, facts({ classifierConfidence: { intent: 0.31 } }))?.reasons).toEqual(['the classifier (intent) is unsure (confidence 0.31)']);
    const answer = ConditionSchema.parse({ type: 'low_confidence', source: 'answer', below: 0.4 });
    expect(evaluateCondition(answer, facts())).toBeNull();
    expect(evaluateCondition(answer, facts({ answerConfidence: 0.2 }))?.causes).toEqual(['confidence:answer']);
  });

  it('detector and keywords look at the message text', () => {
    expect(evaluateCondition(ConditionSchema.parse({ type: 'detector', name: 'security_incident' }), facts({}, 'My account was hacked'))).not.toBeNull();
    const words = ConditionSchema.parse({ type: 'keywords', words: ['GDPR'] });
    expect(evaluateCondition(words, facts({}, 'A gdpr request'))?.reasons).toEqual(['the message mentions "GDPR"']);
  });

  it('combines conditions with all, any and not', () => {
    const c = ConditionSchema.parse({
      all: [{ type: 'sentiment_below', threshold: -2 }, { any: [{ type: 'detector', name: 'threat' }, { type: 'detector', name: 'anger' }] }, { not: { type: 'vip' } }],
    });
    const text = 'This is ridiculous, I will cancel my subscription.';
    const angry = (score: number, vip = false) => facts({ vip, message: { id: 'm3', text, sentiment: { score, comparative: 0 } } });
    expect(evaluateCondition(c, angry(-1))).toBeNull();
    expect(evaluateCondition(c, angry(-4, true))).toBeNull();
    const m = evaluateCondition(c, angry(-4));
    expect(m?.causes).toEqual(['message:m3']);
    expect(m?.reasons).toHaveLength(2);
  });

  it('has no message-based match without a customer message', () => {
    expect(evaluateCondition(ConditionSchema.parse({ type: 'human_requested' }), facts({ message: null }))).toBeNull();
  });
});
