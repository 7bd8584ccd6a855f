import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

// What the web app needs and no more: its own scripts only, inline styles (Mantine's theme variables,
// chart and calendar layout), images and recordings from blob: and data: URLs (voice messages,
// previews), nothing framed, no plugins.
const DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The usual security headers on every response (@fastify/helmet): a Content-Security-Policy, no
 * framing, no MIME sniffing, and a same-origin referrer so a status-page link (its token is the
 * key to the ticket) never leaks to another site. HSTS only behind HTTPS. The API docs keep their
 * own page scripts; file downloads set a stricter policy of their own.
 */
export async function installSecurityHeaders(app: FastifyInstance, opts: { https: boolean }): Promise<void> {
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/docs')) route.helmet = { contentSecurityPolicy: false };
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: opts.https ? { maxAge: 180 * 24 * 60 * 60 } : false,
    crossOriginEmbedderPolicy: false,
  });
  // The voice recorder needs the microphone on Clara's own pages; nothing else is granted.
  app.addHook('onSend', async (_req, reply) => {
    void reply.header('permissions-policy', 'camera=(), geolocation=(), payment=(), usb=(), microphone=(self)');
  });
}
