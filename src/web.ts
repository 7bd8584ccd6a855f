import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
const SERVER_PATHS = /^\/(api|docs|health|metrics)(\/|$)/;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function safeDecode(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

// Serves the built web app at / with an SPA fallback; the API, docs and operations paths keep their JSON 404s.
// Files are looked up per request (not globbed at start-up), so a rebuild is served without a restart.
export async function registerWebApp(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'web app not built (run npm run build:web): serving the API only');
    return;
  }
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false });
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const path = safeDecode(req.url.split('?')[0] ?? '/');
    if (path === null || SERVER_PATHS.test(path)) return reply.callNotFound();
    // normalize() of an absolute path drops leading "..": the file stays inside root.
    const file = normalize(path);
    if (file !== '/' && isFile(join(root, file))) {
      // Vite puts a content hash in every asset name, so they never change; the rest must be revalidated.
      return reply.header('cache-control', file.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(file);
    }
    const wantsHtml = path === '/' || (req.headers.accept ?? '').includes('text/html');
    return wantsHtml ? reply.header('cache-control', 'no-cache').sendFile('index.html') : reply.callNotFound();
  });
}
