import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app imports the server's pure zod schemas and value lists through @shared (one source for shapes).
const shared = fileURLToPath(new URL('../src', import.meta.url));
const api = process.env.CLARA_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: { alias: { '@shared': shared } },
  server: {
    port: 5173,
    proxy: { '/api': api, '/health': api, '/docs': api },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod ships /* @__PURE__ */ comments in spots Rollup ignores; harmless and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
      output: {
        // Libraries change less often than our code: separate chunks keep browser caches warm across releases.
        manualChunks: (id) => {
          if (!id.includes('node_modules')) return undefined;
          if (/recharts|d3-|victory|@mantine\/charts/.test(id)) return 'charts';
          if (/@mantine|@floating-ui/.test(id)) return 'mantine';
          if (/@fullcalendar|preact/.test(id)) return 'calendar';
          return 'vendor';
        },
      },
    },
  },
});
