import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  adminEmail: string;
  adminPassword: string;
  stop(): Promise<void>;
}

// A real Clara process on a free port with a fresh embedded database, as `npm start` runs it.
export async function startClaraServer(opts: { demo: boolean; env?: Record<string, string>; databaseUrl?: string }): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'clara-e2e-'));
  const adminPassword = 'e2e-admin-password';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: '0',
    HOST: '127.0.0.1',
    CLARA_DATA_DIR: dataDir,
    CLARA_ADMIN_EMAIL: 'admin@clara.local',
    CLARA_ADMIN_PASSWORD: adminPassword,
    CLARA_DEMO: opts.demo ? '1' : '0',
    CLARA_EMBEDDINGS: 'off',
    LOG_LEVEL: 'warn',
    ...opts.env,
  };
  // The browser suite runs on PGlite only, also when the server tests target PostgreSQL; a scale-out
  // test gives several processes one PostgreSQL database.
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  else delete env.DATABASE_URL;
  if (!opts.env?.CLARA_PUBLIC_URL) delete env.CLARA_PUBLIC_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Clara did not start within 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Clara is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Clara exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url,
    adminEmail: 'admin@clara.local',
    adminPassword,
    stop: async () => {
      await stopProcess(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface StaffUser {
  email: string;
  name: string;
  role: string;
  password: string;
}

/** Creates a staff user through the admin API (logged in as the server's admin); returns the HTTP status. */
export async function createStaffUser(server: RunningServer, user: StaffUser): Promise<number> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  const { csrf_token } = (await login.json()) as { csrf_token: string };
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const created = await fetch(`${server.url}/api/admin/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf_token },
    body: JSON.stringify(user),
  });
  return created.status;
}
