import nodemailer from 'nodemailer';

export interface TestMail {
  from: string;
  to?: string;
  subject: string;
  text?: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer | string; contentType?: string }[];
}

// Delivers mail to an SMTP server on loopback the way a sending mail server would.
export function smtpClient(port: number, to = 'support@clara.local') {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return {
    send: (mail: TestMail) => transport.sendMail({ to, ...mail }),
    sendRaw: (raw: string | Buffer, envelope: { from: string; to?: string }) =>
      transport.sendMail({ envelope: { from: envelope.from, to: envelope.to ?? to }, raw }),
    close: () => transport.close(),
  };
}

/** RFC 822 source of a mail, for IMAP APPEND and raw delivery. */
export async function buildRawMail(mail: TestMail & { to: string }): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const info = await transport.sendMail(mail);
  return info.message as Buffer;
}
