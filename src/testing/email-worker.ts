// A separate Clara worker process for the crash test: runs due jobs against DATABASE_URL until no
// stored mail is left unprocessed. CLARA_TEST_CLOCK_OFFSET_MS moves its clock (a restart "later").
import { sql } from 'drizzle-orm';
import { createContext } from '../context';
import { queryRows } from '../core/db';
import { testConfig } from './test-app';

const offset = Number(process.env.CLARA_TEST_CLOCK_OFFSET_MS ?? 0);
const ctx = await createContext({
  config: testConfig({ DATABASE_URL: process.env.DATABASE_URL }),
  clock: { now: () => new Date(Date.now() + offset) },
});
for (;;) {
  const ran = await ctx.jobs.runDue(1);
  if (ran > 0) continue;
  const [left] = await queryRows<{ n: number }>(ctx.db, sql`select count(*)::int as n from inbound_emails where status = 'received'`);
  if (Number(left?.n ?? 0) === 0) break;
  await new Promise((r) => setTimeout(r, 100));
}
await ctx.database.close();
process.exit(0);
