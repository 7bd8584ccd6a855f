import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// One path for every ticket change (ticket-change.ts): no other source file may update or delete
// rows of the tickets table, whether through drizzle, raw SQL or the row writer itself. The one delete
// removes the demo's tickets.
const SRC = fileURLToPath(new URL('../../', import.meta.url));
const ALLOWED: Record<string, RegExp[]> = {
  'modules/tickets/tickets.queries.ts': [/\.update\(tickets\)/, /export async function updateTicketRow\(/], // defines updateTicketRow
  'modules/tickets/ticket-change.ts': [/updateTicketRow\(/], // its one caller
  'modules/tickets/ticket-demo.queries.ts': [/\.delete\(tickets\)\.where\(isDemo\)/], // removing the demo
};
const WRITES = [/\.(update|delete)\(\s*tickets\s*\)/, /\b(update|delete\s+from)\s+"?tickets"?\b/i, /updateTicketRow\(/];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function ticketWriters(files: { path: string; text: string }[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    text.split('\n').forEach((line, i) => {
      for (const pattern of WRITES) {
        if (!pattern.test(line)) continue;
        if ((ALLOWED[path] ?? []).some((ok) => ok.test(line))) continue;
        found.push(`${path}:${i + 1}: ${line.trim()}`);
      }
    });
  }
  return found;
}

describe('writes to the tickets table', () => {
  const files = sources(SRC).map((path) => ({ path: relative(SRC, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));

  it('go through applyTicketChange only', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(ticketWriters(files)).toEqual([]);
  });

  it('are caught in drizzle, raw SQL and the row writer', () => {
    const bad = [
      { path: 'modules/sla/x.ts', text: 'await db.update(tickets).set({ priority })' },
      { path: 'modules/escalation/y.ts', text: 'await db.execute(sql`UPDATE tickets SET status = ${s}`)' },
      { path: 'modules/tickets/z.ts', text: 'await updateTicketRow(tx, id, { status })' },
      { path: 'modules/gdpr/w.ts', text: 'await tx.delete(tickets).where(eq(tickets.customerId, id))' },
    ];
    expect(ticketWriters(bad)).toHaveLength(4);
  });
});
