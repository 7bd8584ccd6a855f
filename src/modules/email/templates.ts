import Mustache from 'mustache';

export const TEMPLATE_KEYS = ['acknowledgment', 'reply', 'auto_answer', 'resolution', 'notification'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface EmailTemplate {
  subject: string;
  text: string;
  html: string;
}

const FOOTER_TEXT = '\n\n--\n{{support.name}}\nReply to this email to add to ticket #{{ticket.number}}, or follow it here: {{ticket.status_url}}';
const FOOTER_HTML =
  '<hr><p style="color:#666">{{support.name}} · Reply to this email to add to ticket #{{ticket.number}}, or <a href="{{ticket.status_url}}">follow it online</a>.</p>';

// Shipped defaults; admins override them per key (email_templates). Variables in {{ }} are
// HTML-escaped in the HTML body; {{{message.body_html}}} is already escaped by Clara.
export const DEFAULT_TEMPLATES: Record<TemplateKey, EmailTemplate> = {
  acknowledgment: {
    subject: '[#{{ticket.number}}] We got your request: {{ticket.subject}}',
    text: 'Hello {{customer.name}},\n\nwe received your request #{{ticket.number}} ("{{ticket.subject}}") and will get back to you soon.' + FOOTER_TEXT,
    html: '<p>Hello {{customer.name}},</p><p>we received your request #{{ticket.number}} ("{{ticket.subject}}") and will get back to you soon.</p>' + FOOTER_HTML,
  },
  reply: {
    subject: '{{subject}}',
    text: '{{message.body}}' + FOOTER_TEXT,
    html: '<div>{{{message.body_html}}}</div>' + FOOTER_HTML,
  },
  auto_answer: {
    subject: '{{subject}}',
    text: '{{message.body}}\n\n(This answer was written automatically from our knowledge base.)' + FOOTER_TEXT,
    html: '<div>{{{message.body_html}}}</div><p><em>This answer was written automatically from our knowledge base.</em></p>' + FOOTER_HTML,
  },
  resolution: {
    subject: '{{subject}}',
    text: 'Hello {{customer.name}},\n\nwe have marked your request #{{ticket.number}} ("{{ticket.subject}}") as resolved. If something is still not right, just reply to this email and the ticket opens again.' + FOOTER_TEXT,
    html: '<p>Hello {{customer.name}},</p><p>we have marked your request #{{ticket.number}} ("{{ticket.subject}}") as resolved. If something is still not right, just reply to this email and the ticket opens again.</p>' + FOOTER_HTML,
  },
  notification: {
    subject: '{{subject}}',
    text: '{{body}}\n\n--\n{{support.name}}',
    html: '<div>{{{body_html}}}</div><hr><p style="color:#666">{{support.name}}</p>',
  },
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain text as HTML: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>\n');
}

export function renderTemplate(template: EmailTemplate, view: Record<string, unknown>): EmailTemplate {
  const raw = { escape: (v: unknown) => String(v) };
  return {
    subject: Mustache.render(template.subject, view, {}, raw).replace(/[\r\n]+/g, ' ').trim(),
    text: Mustache.render(template.text, view, {}, raw),
    html: Mustache.render(template.html, view, {}, { escape: (v: unknown) => escapeHtml(String(v)) }),
  };
}

/** Checks that a template parses, so a bad edit is refused instead of breaking every email. */
export function validateTemplate(template: EmailTemplate): string | null {
  try {
    for (const part of [template.subject, template.text, template.html]) Mustache.parse(part);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
