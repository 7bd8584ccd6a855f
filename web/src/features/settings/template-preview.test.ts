import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '@shared/modules/email/templates';
import { renderPreview, sameTemplate, templateProblems, TEMPLATE_VARIABLES } from './template-preview';

describe('renderPreview', () => {
  it('fills the acknowledgment with the sample ticket and customer', () => {
    const out = renderPreview('acknowledgment', DEFAULT_TEMPLATES.acknowledgment)!;
    expect(out.subject).toBe('[#1042] We got your request: Cannot log in');
    expect(out.text).toContain('Hello Dana Fischer,');
    expect(out.html).toContain('Clara Support · Reply to this email to add to ticket #1042.');
  });

  it('escapes values in the HTML body but not in the text body', () => {
    const t = { subject: '{{ticket.subject}}', text: '{{customer.name}} <{{customer.email}}>', html: '<p>{{customer.name}} &lt;{{customer.email}}&gt;</p><b>{{{message.body_html}}}</b>' };
    const out = renderPreview('reply', { ...t, html: t.html + '{{subject}}' })!;
    expect(out.text).toBe('Dana Fischer <dana@example.com>');
    expect(out.html).toContain('Thanks for waiting! You can reset your password from Settings → Security.<br>');
    expect(out.html).toContain('Re: [#1042] Cannot log in');
  });

  it('renders unknown variables as nothing, like the server', () => {
    expect(renderPreview('notification', { subject: 'Hi {{nobody}}!', text: 'x', html: '' })!.subject).toBe('Hi !');
  });

  it('gives no preview while a tag is unclosed', () => {
    expect(renderPreview('acknowledgment', { ...DEFAULT_TEMPLATES.acknowledgment, subject: 'Hi {{ticket.number' })).toBeNull();
  });
});

describe('templateProblems', () => {
  it('names the part that does not parse', () => {
    const problems = templateProblems({ subject: 'ok', text: '{{#ticket}}open section', html: '' });
    expect(Object.keys(problems)).toEqual(['text']);
    expect(problems.text).toMatch(/Unclosed section "ticket"/);
  });
});

describe('TEMPLATE_VARIABLES', () => {
  it('lists every variable the default templates use', () => {
    for (const [key, t] of Object.entries(DEFAULT_TEMPLATES)) {
      const used = [...`${t.subject}${t.text}${t.html}`.matchAll(/\{\{\{?([\w.]+)\}?\}\}/g)].map((m) => m[1]);
      const listed = TEMPLATE_VARIABLES[key as keyof typeof TEMPLATE_VARIABLES].map((v) => v.name.replace(/[{}]/g, ''));
      for (const name of used) expect(listed).toContain(name);
    }
  });
});

describe('sameTemplate', () => {
  it('compares all three parts', () => {
    const t = DEFAULT_TEMPLATES.reply;
    expect(sameTemplate(t, { ...t })).toBe(true);
    expect(sameTemplate(t, { ...t, html: '' })).toBe(false);
  });
});
