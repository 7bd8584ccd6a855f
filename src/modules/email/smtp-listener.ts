import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import type { CoreContext } from '../../core/context';
import { storeRawEmail } from './inbound-store.service';

const MAX_MESSAGE_BYTES = 40 * 1024 * 1024;

function smtpError(message: string, code: number): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// Direct delivery to Clara: mail for our address (plus-addressing included) is stored raw, and
// only then answered 250, so a sender never thinks we have mail we could lose.
export function createSmtpListener(ctx: CoreContext): SMTPServer {
  const [local, domain] = ctx.config.CLARA_SUPPORT_ADDRESS.toLowerCase().split('@');
  const log = ctx.log.child({ part: 'smtp-listener' });
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    banner: 'Clara',
    logger: false,
    onRcptTo(address, _session, callback) {
      const [l, d] = address.address.toLowerCase().split('@');
      if (d === domain && (l === local || l?.startsWith(`${local}+`))) return callback();
      return callback(smtpError(`No mailbox here by the name ${address.address}`, 550));
    },
    onData(stream, session, callback) {
      readAll(stream)
        .then(async (raw) => {
          if (stream.sizeExceeded) return callback(smtpError('Message too large', 552));
          const stored = await storeRawEmail(ctx, raw, 'smtp');
          log.info({ inboundId: stored.id, duplicate: stored.duplicate, remote: session.remoteAddress }, 'mail received');
          callback(null, 'Queued by Clara');
        })
        .catch((err: unknown) => {
          log.error({ err }, 'storing received mail failed');
          callback(smtpError('Temporary failure storing the message, try again later', 451));
        });
    },
  });
}

export async function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.server.address();
  return typeof address === 'object' && address ? address.port : port;
}

export async function closeServer(server: SMTPServer): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
