import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '@shared/modules/email/templates';
import { renderPreview, sameTemplate, templateProblems, TEMPLATE_VARIABLES } from './template-preview';

describe('renderPreview', () => {
  it('fills the acknowledgment with the sample ticket and customer', () => {
    const out = renderPreview('acknowledgment', DEFAULT_TEMPLATES.acknowledgment)!;
    expect(out.subject).toBe("[#1042] We got your request: Can't log in");
    expect(out.text).toContain('Hello Dana Fischer,');
    expect(out.html).toContain('Clara Support · Reply to this email to add to ticket #1042, or <a href="https://help.example.com/support/status/…">follow it online</a>.');
  });

  it('escapes values in the HTML body but not in the text body, like the server', () => {
    const out = renderPreview('reply', { subject: '{{subject}}', text: '{{ticket.subject}}', html: '<p>{{ticket.subject}}</p>{{{message.body_html}}}' })!;
    expect(out.subject).toBe("Re: [#1042] Can't log in");
    expect(out.text).toBe("Can't log in");
    expect(out.html).toContain('<p>Can&#39;t log in</p>');
    expect(out.html).toContain('Settings → Security.<br>');
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
