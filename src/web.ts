import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
const SERVER_PATHS = /^\/(api|docs|health|metrics)(\/|$)/;

// Serves the built web app at / with an SPA fallback; the API, docs and operations paths keep their JSON 404s.
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  if (!existsSync(`${root}/index.html`)) {
    app.log.warn({ root }, 'web app not built (run npm run build:web): serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    setHeaders: (res, path) => {
      // Vite puts a content hash in every asset name, so they never change; index.html must always be revalidated.
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const wantsHtml = path === '/' || (req.headers.accept ?? '').includes('text/html');
    if (SERVER_PATHS.test(path) || !wantsHtml) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
