import Mustache from 'mustache';
import { renderTemplate, textToHtml, type EmailTemplate, type TemplateKey } from '@shared/modules/email/templates';

export type { EmailTemplate, TemplateKey };

export const TEMPLATE_INFO: Record<TemplateKey, { label: string; when: string }> = {
  acknowledgment: { label: 'Acknowledgment', when: 'Sent to the customer when their request creates a ticket (email, web form, voice).' },
  reply: { label: 'Agent reply', when: 'Wraps every public reply an agent sends.' },
  auto_answer: { label: 'Auto-answer', when: 'Wraps an answer Clara wrote from the knowledge base.' },
  resolution: { label: 'Resolution notice', when: 'Sent to the customer when an agent resolves their ticket.' },
  notification: { label: 'Notification', when: 'Escalation, SLA and meeting notices to staff.' },
};

export interface TemplateVariable {
  name: string;
  description: string;
}

const support: TemplateVariable[] = [
  { name: 'support.name', description: 'Your support team’s name' },
  { name: 'support.address', description: 'Your support email address' },
];

const ticket: TemplateVariable[] = [
  { name: 'ticket.number', description: 'Ticket number, e.g. 1042' },
  { name: 'ticket.subject', description: 'Ticket subject' },
  { name: 'ticket.status_url', description: 'Link to the ticket’s status page (new in every email)' },
  { name: 'customer.name', description: 'Customer name (or address)' },
  { name: 'customer.email', description: 'Customer email address' },
  { name: 'subject', description: 'Threaded subject: Re: [#1042] …' },
  { name: 'message.body', description: 'The reply text' },
  { name: '{message.body_html}', description: 'The reply as HTML (triple braces: already escaped)' },
];

// What the server passes to each template (ticket-mail.service / notification-mail.service).
export const TEMPLATE_VARIABLES: Record<TemplateKey, TemplateVariable[]> = {
  acknowledgment: [...ticket, ...support],
  reply: [...ticket, ...support],
  auto_answer: [...ticket, ...support],
  resolution: [...ticket, ...support],
  notification: [
    { name: 'subject', description: 'Notice subject' },
    { name: 'body', description: 'Notice text' },
    { name: '{body_html}', description: 'Notice as HTML (triple braces: already escaped)' },
    ...support,
  ],
};

const SAMPLE_BODY = 'Thanks for waiting! You can reset your password from Settings → Security.\nLet us know if that helps.';
const SAMPLE_NOTICE = `Ticket #1042 "Can't log in" was escalated to Tier 2 because its first-response SLA is about to breach.`;

/** Made-up values shaped like the server's, so the preview reads like a real email. */
export function sampleView(key: TemplateKey, supportName = 'Clara Support'): Record<string, unknown> {
  const supportView = { name: supportName, address: 'support@example.com' };
  if (key === 'notification') return { subject: 'Ticket #1042 escalated', body: SAMPLE_NOTICE, body_html: textToHtml(SAMPLE_NOTICE), support: supportView };
  return {
    ticket: { number: 1042, subject: "Can't log in", status_url: 'https://help.example.com/support/status/…' },
    customer: { name: 'Dana Fischer', email: 'dana@example.com' },
    message: { body: SAMPLE_BODY, body_html: textToHtml(SAMPLE_BODY) },
    subject: "Re: [#1042] Can't log in",
    support: supportView,
  };
}

export type TemplateProblems = Partial<Record<keyof EmailTemplate, string>>;

/** Mustache syntax errors per part ("Unclosed tag at 12"), which the server would refuse on save. */
export function templateProblems(t: EmailTemplate): TemplateProblems {
  const out: TemplateProblems = {};
  for (const part of ['subject', 'text', 'html'] as const) {
    try {
      Mustache.parse(t[part]);
    } catch (err) {
      out[part] = err instanceof Error ? err.message : String(err);
    }
  }
  return out;
}

/** The template rendered with the sample values by the server's own renderer; null while it does not parse. */
export function renderPreview(key: TemplateKey, t: EmailTemplate): EmailTemplate | null {
  if (Object.keys(templateProblems(t)).length > 0) return null;
  return renderTemplate(t, sampleView(key));
}

export function sameTemplate(a: EmailTemplate, b: EmailTemplate): boolean {
  return a.subject === b.subject && a.text === b.text && a.html === b.html;
}
