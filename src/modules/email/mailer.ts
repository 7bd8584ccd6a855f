import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  messageId: string;
  inReplyTo?: string | null;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer }[];
}

export interface SendResult {
  response: string;
}

// SMTP answers 5xx for failures that will not heal (unknown mailbox, rejected content); anything
// else (4xx, refused or dropped connection, timeout) is worth another try later.
export class MailerError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface Mailer {
  readonly description: string;
  send(email: OutgoingEmail): Promise<SendResult>;
  close(): void;
}

export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;
  readonly description: string;

  constructor(url: string) {
    const parsed = new URL(url);
    this.description = `SMTP ${parsed.hostname}:${parsed.port || (parsed.protocol === 'smtps:' ? 465 : 25)}`;
    // One connection per message keeps failures isolated; volume here is helpdesk-sized.
    this.transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  async send(email: OutgoingEmail): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
        messageId: email.messageId,
        ...(email.inReplyTo ? { inReplyTo: email.inReplyTo } : {}),
        ...(email.references?.length ? { references: email.references } : {}),
        headers: email.headers ?? {},
        attachments: email.attachments ?? [],
      });
      return { response: String(info.response ?? '') };
    } catch (err) {
      const e = err as { message?: string; responseCode?: number };
      const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
      throw new MailerError(e.message ?? String(err), permanent);
    }
  }

  close(): void {
    this.transport.close();
  }
}

export function createMailer(smtpUrl: string | undefined): Mailer | null {
  return smtpUrl ? new SmtpMailer(smtpUrl) : null;
}
