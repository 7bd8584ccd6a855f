import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

/**
 * accept: 250; refuse: 421 at connect (server busy); tempfail: 451 after DATA; reject: 550 at RCPT.
 */
export type SinkMode = 'accept' | 'refuse' | 'tempfail' | 'reject';

function smtpError(message: string, code: number): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

// A real SMTP server on loopback that records what it receives, for outbound-mail tests.
export class SmtpSink {
  readonly messages: SinkMessage[] = [];
  mode: SinkMode = 'accept';
  /** Holds each DATA answer this long (to overlap concurrent senders). */
  delayMs = 0;
  port = 0;
  private readonly server: SMTPServer;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onConnect: (_session, cb) => (this.mode === 'refuse' ? cb(smtpError('Service not available, try later', 421)) : cb()),
      onRcptTo: (_address, _session, cb) => (this.mode === 'reject' ? cb(smtpError('No such user here', 550)) : cb()),
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          setTimeout(() => {
            if (this.mode === 'tempfail') return cb(smtpError('Mailbox busy, try later', 451));
            const raw = Buffer.concat(chunks);
            simpleParser(raw)
              .then((parsed) => {
                this.messages.push({
                  from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                  to: session.envelope.rcptTo.map((r) => r.address),
                  raw,
                  parsed,
                });
                cb();
              })
              .catch((err: Error) => cb(err));
          }, this.delayMs);
        });
      },
    });
  }

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = sink.server.server.address();
    sink.port = typeof address === 'object' && address ? address.port : 0;
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  clear(): void {
    this.messages.length = 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
