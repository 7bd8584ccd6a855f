import { describe, expect, it } from 'vitest';
import { answerScope, namedStems } from './answer-scope';
import { answerType, statesDuration } from './answer-type';
import { vocabularyStems } from './text-analysis';
import { questionFocus } from './question-focus';

const kb = vocabularyStems(
  new Set('gift cards are valid for three years buy a card from ten to five hundred euros use the code at checkout subscription cancel plan upgrade downgrade'.split(' ')),
);
const giftArticle = 'Gift cards\n\nGift cards are valid for three years. Buy a card from ten to five hundred euros. Use the code at checkout.';

describe('answerScope', () => {
  it('refuses a near-miss that names something no article mentions', () => {
    const scope = answerScope({ focus: 'can i buy a gift card in swiss francs', kbStems: kb, articleText: giftArticle });
    expect(scope.covered).toBe(false);
    expect(scope.unknownTerms).toEqual(expect.arrayContaining(['swiss']));
  });

  it('refuses a question about something the KB knows but the cited article does not mention', () => {
    const scope = answerScope({ focus: 'can i cancel or downgrade my gift card subscription', kbStems: kb, articleText: giftArticle });
    expect(scope.covered).toBe(false);
    expect(scope.missingTerms).toEqual(expect.arrayContaining(['cancel', 'downgrad']));
  });

  it('accepts a question the article speaks about, everyday words and small talk aside', () => {
    expect(answerScope({ focus: 'hi thanks how long are gift cards valid', kbStems: kb, articleText: giftArticle }).covered).toBe(true);
  });

  it('treats a frequent word written as a name as a topic of its own', () => {
    const focus = 'can i use a gift card in canada';
    const raw = 'Can I use a gift card in Canada?';
    // "canada" is among the 1,000 most frequent English words, so only the capital marks it
    expect(answerScope({ focus, kbStems: kb, articleText: giftArticle }).covered).toBe(true);
    const scope = answerScope({ focus, kbStems: kb, articleText: giftArticle, named: namedStems(raw) });
    expect(scope.covered).toBe(false);
    expect(scope.unknownTerms).toContain('canada');
  });

  it('refuses an answer that does not state the kind of fact the question asks for', () => {
    const focus = 'how long does a gift card code take to arrive';
    const priceOnly = 'Buy a card from ten to five hundred euros. Use the code at checkout.';
    const scope = answerScope({ focus, kbStems: kb, articleText: giftArticle, answer: priceOnly });
    expect(scope).toMatchObject({ asks: 'duration', statesAskedFact: false, covered: false });
    const withSpan = answerScope({ focus, kbStems: kb, articleText: giftArticle, answer: 'The code arrives within 10 minutes.' });
    expect(withSpan.statesAskedFact).toBe(true);
  });
});

describe('namedStems', () => {
  it('keeps capitalized words inside a sentence and skips the word that opens it', () => {
    expect([...namedStems('Is express shipping available to the Netherlands? Thanks. We use Microsoft Teams.')].sort()).toEqual(['microsoft', 'netherland', 'team']);
  });
});

describe('answer types', () => {
  it('tells a duration question from a price question', () => {
    expect(answerType('how long does a zip repair take')).toBe('duration');
    expect(answerType('until when can i return it')).toBe('duration');
    expect(answerType('how much does a zip repair cost')).toBe('quantity');
    expect(answerType('where do i download invoices')).toBe('place');
  });

  it('finds spans, dates and times of day, not prices', () => {
    for (const s of ['within 14 days of delivery', '2–3 business days', 'ready in 2 hours', 'until 31 January', 'before 14:00 CET', 'ships the next business day', 'works for 30 minutes']) {
      expect(statesDuration(s), s).toBe(true);
    }
    for (const s of ['replacing a zip costs from €25', 'up to 3 gift cards per order', 'Settings → Billing']) expect(statesDuration(s), s).toBe(false);
  });
});

describe('questionFocus', () => {
  it('keeps the question sentences of an email and drops its greeting, context and signature', () => {
    const email = 'Hi,\n\nI bought a kayak for my husband last week, he loves it.\nHow long is the gift card valid?\n\nThanks,\nSabine';
    expect(questionFocus(email)).toBe('How long is the gift card valid?');
  });

  it('keeps the whole message when no sentence asks', () => {
    expect(questionFocus('gift card validity')).toBe('gift card validity');
  });
});
