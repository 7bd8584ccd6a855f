import { generatePassword } from '../../core/secrets';
import { systemActor } from '../../core/rbac';
import { ensureDefaultQueuesAndSlas } from '../queues';
import type { TicketsContext } from '../tickets';
import { createUser, findUserByEmail } from '../users';
import type { KbContext } from '../kb';
import { loadDemoData } from './demo.service';

export interface AdminLogin {
  email: string;
  /** Set only when Clara generated it just now: printed once, never stored in clear. */
  generatedPassword?: string;
  created: boolean;
}

export async function ensureAdmin(ctx: TicketsContext): Promise<AdminLogin> {
  const email = ctx.config.CLARA_ADMIN_EMAIL.toLowerCase();
  if (await findUserByEmail(ctx.db, email)) return { email, created: false };
  const password = ctx.config.CLARA_ADMIN_PASSWORD ?? generatePassword();
  await createUser(ctx, systemActor, { email, name: 'Administrator', role: 'admin', password });
  return { email, created: true, ...(ctx.config.CLARA_ADMIN_PASSWORD ? {} : { generatedPassword: password }) };
}

export async function bootstrap(ctx: TicketsContext & KbContext): Promise<{ admin: AdminLogin; demoLoaded: boolean }> {
  await ensureDefaultQueuesAndSlas(ctx.db);
  const admin = await ensureAdmin(ctx);
  const demoLoaded = ctx.config.CLARA_DEMO ? await loadDemoData(ctx) : false;
  return { admin, demoLoaded };
}
