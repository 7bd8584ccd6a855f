import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { ZodError } from 'zod';
import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from './core/config';
import { openDatabase, queryRows, restoreDatabase } from './core/db';
import { ROLES } from './core/rbac';
import { createContext } from './context';
import { createApiToken } from './modules/auth';
import { bootstrap } from './modules/setup';
import { CreateUserBody, createUser, findUserByEmail, updateUser } from './modules/users';
import { generatePassword } from './core/secrets';
import { systemActor } from './core/rbac';
import { banner, databaseLine, startClara } from './server';
import { announceReady, isClusterWorker, runPrimary, workerCount } from './cluster';
import { addClassifierEvalCommand, addTrainCommand } from './cli/classifier-commands';
import { addKbCommands, addKbEvalCommands } from './cli/kb-commands';
import { addVoiceEvalCommand } from './cli/voice-commands';
import { addDomainEvalCommand } from './cli/domain-commands';
import { addBackupCommand } from './cli/backup-command';

const cliActor = { ...systemActor };

async function withContext<T>(fn: (ctx: Awaited<ReturnType<typeof createContext>>) => Promise<T>): Promise<T> {
  const ctx = await createContext({ config: loadConfig(process.env, { LOG_LEVEL: 'warn' }) });
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

const program = new Command('clara').description('Clara, the self-hosted AI helpdesk').showHelpAfterError();

program
  .command('serve')
  .description('Start the API server (migrates, seeds defaults and prints the admin login)')
  .option('--workers <n>', 'processes to run, PostgreSQL only: a number or "auto" (one per core); default CLARA_WORKERS or 1')
  .action(async (o: { workers?: string }) => {
    const config = loadConfig({ ...process.env, ...(o.workers ? { CLARA_WORKERS: o.workers } : {}) });
    const workers = workerCount(config);
    if (workers > 1 && !isClusterWorker()) return runPrimary(config, workers);
    const running = await startClara(config);
    if (isClusterWorker()) announceReady(running);
    else process.stdout.write(banner({ admin: running.admin, url: running.url, database: databaseLine(running.ctx) }));
    const stop = async () => {
      await running.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('Apply database migrations')
  .action(async () => {
    const config = loadConfig(process.env, { LOG_LEVEL: 'warn' });
    const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.CLARA_DATA_DIR });
    console.log(`migrations applied (${db.driver}, pgvector ${db.vector ? 'on' : 'off'})`);
    await db.close();
  });

program
  .command('seed')
  .description('Create default queues and SLAs, the admin user and (unless CLARA_DEMO=0) demo data')
  .action(async () => {
    await withContext(async (ctx) => {
      const { admin, demoLoaded } = await bootstrap(ctx);
      console.log(`admin: ${admin.email}${admin.generatedPassword ? ` password: ${admin.generatedPassword}` : ''}`);
      console.log(demoLoaded ? 'demo data loaded' : 'demo data already present or disabled');
    });
  });

addBackupCommand(program);

program
  .command('restore')
  .description('Unpack a backup of the embedded database (GET /api/admin/backup) into a new, empty data folder')
  .argument('<file>', 'the .tar.gz backup')
  .option('--data-dir <dir>', 'where to put it (default CLARA_DATA_DIR; must be empty)')
  .action(async (file: string, o: { dataDir?: string }) => {
    const config = loadConfig(process.env, { LOG_LEVEL: 'warn' });
    if (config.DATABASE_URL) throw new Error('DATABASE_URL is set: restore PostgreSQL with pg_restore (see docs/deploy.md).');
    const dataDir = o.dataDir ?? config.CLARA_DATA_DIR;
    await restoreDatabase(dataDir, new Blob([await readFile(file)]));
    // Opening it applies any migrations newer than the backup.
    const db = await openDatabase({ dataDir });
    const [row] = await queryRows<{ n: number }>(db.db, sql`select count(*)::int as n from tickets`);
    await db.close();
    console.log(`restored into ${dataDir}: ${row?.n ?? 0} tickets; start Clara with CLARA_DATA_DIR=${dataDir}`);
  });

const user = program.command('user').description('Manage staff users');
user
  .command('create')
  .description('Create a staff user (prints a generated password unless --password is given)')
  .requiredOption('--email <email>', 'login email')
  .requiredOption('--name <name>', 'display name')
  .addOption(new Option('--role <role>', 'role').choices([...ROLES]).default('agent'))
  .option('--password <password>', 'password (at least 10 characters)')
  .action(async (o: { email: string; name: string; role: (typeof ROLES)[number]; password?: string }) => {
    await withContext(async (ctx) => {
      const input = CreateUserBody.parse({ email: o.email, name: o.name, role: o.role, password: o.password });
      const created = await createUser(ctx, cliActor, input);
      console.log(`created ${created.role} ${created.email}${created.generated_password ? ` password: ${created.generated_password}` : ''}`);
    });
  });

user
  .command('password')
  .description('Set a new password for a user (prints a generated one unless --password is given)')
  .requiredOption('--email <email>', 'login email')
  .option('--password <password>', 'new password (at least 10 characters)')
  .action(async (o: { email: string; password?: string }) => {
    await withContext(async (ctx) => {
      const found = await findUserByEmail(ctx.db, o.email);
      if (!found) throw new Error(`no user with email ${o.email}`);
      const password = o.password ?? generatePassword();
      await updateUser(ctx, cliActor, found.id, { password });
      console.log(o.password ? 'password changed' : `new password: ${password}`);
    });
  });

const token = program.command('token').description('Manage API tokens');
token
  .command('create')
  .description('Create an API token acting as a user (shown once)')
  .requiredOption('--user <email>', 'the user the token acts as')
  .requiredOption('--name <name>', 'what the token is for')
  .option('--expires-in-days <days>', 'expiry in days', (v) => Number.parseInt(v, 10))
  .action(async (o: { user: string; name: string; expiresInDays?: number }) => {
    await withContext(async (ctx) => {
      const owner = await findUserByEmail(ctx.db, o.user);
      if (!owner) throw new Error(`no user with email ${o.user}`);
      const created = await createApiToken(ctx, cliActor, { name: o.name, user_id: owner.id, expires_in_days: o.expiresInDays });
      console.log(created.token);
    });
  });

addTrainCommand(program, withContext);

const evaluate = program.command('eval').description("Evaluate Clara's models on a dataset");
addClassifierEvalCommand(evaluate);
addKbCommands(program, withContext);
addKbEvalCommands(evaluate);
addVoiceEvalCommand(evaluate);
addDomainEvalCommand(evaluate);

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof ZodError) console.error(`error: ${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  else console.error(err instanceof Error ? `error: ${err.message}` : err);
  process.exit(1);
});
