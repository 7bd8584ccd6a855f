import { describe, expect, it } from 'vitest';
import { containsAllFacts, containsFact } from './facts';

describe('containsFact', () => {
  it('matches a menu path whatever arrow style and emphasis the answer uses', () => {
    expect(containsFact('Open **Settings > Billing > Invoices** to download them.', 'Settings → Billing → Invoices')).toBe(true);
    expect(containsFact('Open Settings -> Billing -> Invoices.', 'Settings → Billing → Invoices')).toBe(true);
  });

  it('treats an en dash and a hyphen in a range alike and ignores case', () => {
    expect(containsFact('Refunds take 3-5 Business Days.', '3–5 business days')).toBe(true);
  });

  it('does not match a different number', () => {
    expect(containsFact('The link works for 30 minutes.', '1 hour')).toBe(false);
    expect(containsFact('up to 150 metres', '15 metres')).toBe(false);
  });

  it('needs every fact of a question', () => {
    expect(containsAllFacts('Free on orders over €60, €4.95 otherwise.', ['€60', '€4.95'])).toBe(true);
    expect(containsAllFacts('Free on orders over €60.', ['€60', '€4.95'])).toBe(false);
    expect(containsAllFacts('anything', [])).toBe(true);
  });
});
