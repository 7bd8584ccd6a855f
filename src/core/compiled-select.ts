import * as orm from 'drizzle-orm';
import { sql, type Placeholder, type Query, type SQL } from 'drizzle-orm';
import { builder, dialect, sessionOf, type OrderedFields } from './compiled-insert';
import type { Db } from './db';

// Drizzle builds a select's SQL afresh on every call, as it does an insert's (compiled-insert.ts). The
// selects every request or every new ticket makes — who a session belongs to, a ticket's view — are built
// once by `compiledSelect`, with a named parameter for each value that varies, and then only run.

type Value = string | number | boolean | Date | null;

// Drizzle orders a select's fields with this (exported by drizzle-orm, absent from its types).
const { orderSelectedFields } = orm as unknown as { orderSelectedFields(fields: Record<string, unknown>): OrderedFields };

interface BuiltSelect {
  getSQL(): SQL;
  config: { fields: Record<string, unknown> };
  joinsNotNullableMap?: Record<string, boolean>;
}

interface Compiled {
  query: Query;
  fields: OrderedFields;
  joinsNotNullableMap?: Record<string, boolean>;
}

/**
 * `build` makes the select with `param(name)` where a value goes; each call passes the values by name.
 * The select is built on the first call; it answers what Drizzle's own select would, rows mapped the same
 * way. A Date is sent as its ISO text: Drizzle does not encode a parameter's value by its column.
 */
export function compiledSelect<Q extends PromiseLike<unknown[]>, P extends string>(
  build: (b: typeof builder, param: (name: P) => Placeholder<P>) => Q,
): (db: Db, values: Record<P, Value>) => Promise<Awaited<Q>> {
  let compiled: Compiled | null = null;
  const compile = (): Compiled => {
    const built = build(builder, (name) => sql.placeholder(name)) as unknown as BuiltSelect;
    return { query: dialect.sqlToQuery(built.getSQL()), fields: orderSelectedFields(built.config.fields), joinsNotNullableMap: built.joinsNotNullableMap };
  };
  return (db, values) => {
    compiled ??= compile();
    const encoded: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) encoded[k] = v instanceof Date ? v.toISOString() : v;
    const prepared = sessionOf(db).prepareQuery(compiled.query, compiled.fields, undefined, true);
    prepared.joinsNotNullableMap = compiled.joinsNotNullableMap;
    return prepared.execute(encoded) as Promise<Awaited<Q>>;
  };
}
