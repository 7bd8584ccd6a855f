import { describe, expect, it } from 'vitest';
import { answerScope } from './answer-scope';
import { vocabularyStems } from './text-analysis';
import { questionFocus } from './question-focus';

const kb = vocabularyStems(
  new Set('gift cards are valid for three years buy a card from ten to five hundred euros use the code at checkout subscription cancel plan upgrade downgrade'.split(' ')),
);
const giftArticle = 'Gift cards\n\nGift cards are valid for three years. Buy a card from ten to five hundred euros. Use the code at checkout.';

describe('answerScope', () => {
  it('refuses a near-miss that names something no article mentions', () => {
    const scope = answerScope('can i buy a gift card in swiss francs', kb, giftArticle);
    expect(scope.covered).toBe(false);
    expect(scope.unknownTerms).toEqual(expect.arrayContaining(['swiss']));
  });

  it('refuses a question about something the KB knows but the cited article does not mention', () => {
    const scope = answerScope('can i cancel or downgrade my gift card subscription', kb, giftArticle);
    expect(scope.covered).toBe(false);
    expect(scope.missingTerms).toEqual(expect.arrayContaining(['cancel', 'downgrad']));
  });

  it('accepts a question the article speaks about, everyday words and small talk aside', () => {
    expect(answerScope('hi thanks how long are gift cards valid', kb, giftArticle).covered).toBe(true);
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
