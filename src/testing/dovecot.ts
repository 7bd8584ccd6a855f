import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port';

export const DOVECOT_BIN = '/usr/sbin/dovecot';

export interface Dovecot {
  port: number;
  user: string;
  password: string;
  dir: string;
  /** imap://user:pass@127.0.0.1:port/INBOX */
  url(folder?: string): string;
  log(): string;
  stop(): Promise<void>;
}

export function dovecotAvailable(): boolean {
  return existsSync(DOVECOT_BIN);
}

// The Debian package creates the dovecot and dovenull users that the login and internal processes run as.
function config(dir: string, port: number, uid: number, gid: number): string {
  return `
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = dovecot
default_login_user = dovenull
first_valid_uid = ${uid}
first_valid_gid = ${gid}
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
`;
}

// Dovecot refuses uid 0 for mail users: as root the maildir belongs to the unprivileged "dovecot" user.
function mailOwner(): { uid: number; gid: number } {
  const uid = process.getuid?.() ?? 0;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? 0 };
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('dovecot:'));
  const [, , u, g] = line?.split(':') ?? [];
  if (!u || !g) throw new Error('the dovecot system user is missing (install dovecot-imapd)');
  return { uid: Number(u), gid: Number(g) };
}

// A throwaway dovecot (IMAP only, plaintext on loopback, one maildir user) for tests.
export async function startDovecot(opts: { user?: string; password?: string } = {}): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), 'clara-dovecot-'));
  // Dovecot's login and internal processes run as its own unprivileged users and must reach base_dir.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const user = opts.user ?? 'support';
  const password = opts.password ?? 'support-secret';
  const { uid, gid } = mailOwner();
  for (const sub of ['mail', 'home']) {
    mkdirSync(join(dir, sub));
    chownSync(join(dir, sub), uid, gid);
  }
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}:${uid}:${gid}::${dir}/home/${user}\n`);
  writeFileSync(join(dir, 'dovecot.conf'), config(dir, port, uid, gid));
  const child: ChildProcess = spawn(DOVECOT_BIN, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const readLog = () => (existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : '');
  try {
    await Promise.race([waitForPort(port), exited.then(() => Promise.reject(new Error(`dovecot exited: ${output}${readLog()}`)))]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    port,
    user,
    password,
    dir,
    url: (folder = 'INBOX') => `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${folder}`,
    log: readLog,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
