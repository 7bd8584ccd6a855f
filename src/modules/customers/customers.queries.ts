import { and, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { compiledInsert } from '../../core/compiled-insert';
import type { Db } from '../../core/db';
import { customers, type CustomerRow } from './customers.table';

export async function findCustomerById(db: Db, id: string): Promise<CustomerRow | null> {
  const [row] = await db.select().from(customers).where(eq(customers.id, id));
  return row ?? null;
}

// Found or created by email in one statement, safe when two requests race for the same address (built
// once: every new ticket runs it).
const upsertCustomers = compiledInsert(customers, (insert) =>
  insert.onConflictDoUpdate({ target: customers.email, set: { name: sql`coalesce(${customers.name}, excluded.name)` } }),
);
const customerColumns = getTableColumns(customers);

export async function upsertCustomerByEmail(db: Db, email: string, name: string | undefined, now: Date): Promise<CustomerRow> {
  const [row] = await upsertCustomers<CustomerRow>(db, [{ email: email.toLowerCase(), name: name ?? null, createdAt: now, updatedAt: now }], customerColumns);
  return row!;
}

/** The id of the customer with this address, as a value inside another statement (after an upsert of it). */
export function customerIdByEmail(email: string): SQL {
  return sql`(select ${customers.id} from ${customers} where ${customers.email} = ${email.toLowerCase()})`;
}

/** Customers among `ids` left with no ticket (the demo's made-up customers once its tickets are gone). */
export async function deleteCustomersWithoutTickets(db: Db, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .delete(customers)
    .where(and(inArray(customers.id, ids), sql`not exists (select 1 from tickets t where t.customer_id = ${customers.id})`))
    .returning({ id: customers.id });
  return rows.length;
}
