import { buildApp } from './app';
import { createContext, type AppContext } from './context';
import type { Config } from './core/config';
import { startTableMaintenance } from './core/table-maintenance';
import { bootstrap, type AdminLogin } from './modules/setup';
import { resumePendingOutbox } from './modules/email';
import { embedAllMissing } from './modules/kb';
import { startNotificationMailer } from './modules/notifications';
import { startSlaScheduler } from './modules/sla';

export interface RunningClara {
  ctx: AppContext;
  url: string;
  admin: AdminLogin;
  close(): Promise<void>;
}

export async function startClara(config: Config): Promise<RunningClara> {
  const ctx = await createContext({ config });
  const { admin, demoLoaded } = await bootstrap(ctx);
  const app = await buildApp(ctx);
  const stopMaintenance = await startTableMaintenance(ctx.database, ctx.log);
  if (config.CLARA_JOBS) ctx.jobs.start();
  const stopSlaScheduler = config.CLARA_JOBS ? startSlaScheduler(ctx) : () => undefined;
  // In-app notifications (assignment, escalation, SLA, mentions) also go out by email via the outbox.
  const stopNotificationMailer = config.CLARA_JOBS ? startNotificationMailer(ctx) : () => undefined;
  // Inbound transports only store raw mail; the job runner (here or in another process) handles it.
  await ctx.email.start();
  if (config.CLARA_JOBS) await resumePendingOutbox(ctx);
  // Chunks written before the embedding model was ready get their vectors once it is.
  void ctx.kb
    .start()
    .then(() => embedAllMissing(ctx))
    .catch((err: unknown) => ctx.log.error({ err }, 'embedding the knowledge base failed'));
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  const port = new URL(address).port;
  const url = config.CLARA_PUBLIC_URL ?? `http://localhost:${port}`;
  ctx.log.info({ url, driver: ctx.database.driver, vector: ctx.database.vector, demoLoaded }, 'Clara is ready');
  return {
    ctx,
    url,
    admin,
    close: async () => {
      stopSlaScheduler();
      stopNotificationMailer();
      await ctx.email.stop();
      await ctx.jobs.stop();
      await app.close();
      await stopMaintenance();
      await ctx.database.close();
    },
  };
}

/** What the banner says about the database. */
export function databaseLine(ctx: Pick<AppContext, 'database' | 'config'>): string {
  return ctx.database.driver === 'pglite' ? `embedded PGlite in ${ctx.config.CLARA_DATA_DIR}` : 'PostgreSQL (DATABASE_URL)';
}

export function banner({ admin, url, database, workers }: { admin: AdminLogin; url: string; database: string; workers?: number }): string {
  const lines = [
    '',
    `  Clara is running at ${url}`,
    `  API docs:  ${url}/docs    Health: ${url}/health`,
    ...(workers ? [`  Workers:   ${workers} processes`] : []),
    `  Database:  ${database}`,
    `  Admin login: ${admin.email}`,
  ];
  if (admin.generatedPassword) lines.push(`  Password:    ${admin.generatedPassword}   (generated now and shown only once: keep it)`);
  else if (admin.created) lines.push('  Password:    from CLARA_ADMIN_PASSWORD');
  else lines.push('  Password:    as set earlier (reset with: npx clara user password --email <email>)');
  return `${lines.join('\n')}\n`;
}
