import { is, SQL, sql, type Query } from 'drizzle-orm';
import { PgDialect, type PgInsertValue, type PgTable, type SelectedFieldsFlat as SelectedFields } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pg-proxy';
import type { Db } from './db';

// Drizzle builds an insert's SQL afresh on every call, and for a wide table that costs 0.1–0.3 ms of the
// main thread (most of it in its class checks), more than the database takes for some of these rows.
// `compiledInsert` builds each shape of an insert once — its table, the columns given, the number of
// rows and the columns returned — with a named parameter (`sql.placeholder`) for every value; a call then
// only lets Drizzle encode its values and sends the same text through the connection or transaction it
// is given.

// Builds the text, never runs anything.
export const builder = drizzle(async () => ({ rows: [] }));
export const dialect = new PgDialect();
/** Drizzle's ordered description of returned or selected columns, passed back to it as it made it. */
export type OrderedFields = object;

interface Shape {
  query: Query;
  /** Drizzle's ordered description of the returned columns (null: nothing returned). */
  returning: OrderedFields | null;
}

/** Drizzle's session (of a database or a transaction), which runs a query as built. */
interface QuerySession {
  prepareQuery(
    query: Query,
    fields: OrderedFields | undefined,
    name: undefined,
    arrayMode: boolean,
  ): { execute(values: Record<string, unknown>): Promise<unknown>; joinsNotNullableMap?: Record<string, boolean> };
}

export const sessionOf = (db: Db) => (db as unknown as { _: { session: QuerySession } })._.session;

export interface CompiledInsert<T extends PgTable> {
  /** Inserts the rows (all with the same columns given). */
  (db: Db, rows: PgInsertValue<T>[]): Promise<void>;
  /** Inserts the rows and returns `fields` of each, as Drizzle's `returning(fields)` would. */
  <R>(db: Db, rows: PgInsertValue<T>[], fields: SelectedFields): Promise<R[]>;
}

// Returned-field lists by identity (callers pass module constants), for the shape's key.
const fieldIds = new WeakMap<SelectedFields, number>();
let nextFieldId = 1;
const fieldsId = (fields: SelectedFields) => fieldIds.get(fields) ?? (fieldIds.set(fields, nextFieldId), nextFieldId++);

/** The insert as built, for a conflict clause (`onConflictDoNothing()`, `onConflictDoUpdate(...)`) added once. */
type BuiltInsert<T extends PgTable> = ReturnType<ReturnType<typeof builder.insert<T>>['values']>;

export function compiledInsert<T extends PgTable>(table: T, finish: (insert: BuiltInsert<T>) => object = (insert) => insert): CompiledInsert<T> {
  const shapes = new Map<string, Shape>();
  // Each row's shape lists the columns it gives, and which of them are null: a null is written into the
  // text (Drizzle would encode it, as JSON's null for a jsonb column). A column a row leaves out gets
  // its default, as in Drizzle's insert.
  const compile = (rows: Record<string, unknown>[], fields: SelectedFields | undefined): Shape => {
    const parameterOf = (i: number, k: string) => sql.placeholder(`${i}.${k}`);
    const template = rows.map((row, i) =>
      Object.fromEntries(Object.keys(row).flatMap((k) => (row[k] === undefined ? [] : [[k, row[k] === null ? null : parameterOf(i, k)]]))),
    ) as PgInsertValue<T>[];
    const insert = finish(builder.insert(table).values(template)) as BuiltInsert<T>;
    const built = (fields ? insert.returning(fields) : insert) as unknown as { getSQL(): SQL; config: { returning?: OrderedFields } };
    return { query: dialect.sqlToQuery(built.getSQL()), returning: built.config.returning ?? null };
  };

  return (async (db: Db, rows: PgInsertValue<T>[], fields?: SelectedFields) => {
    if (rows.length === 0) return fields ? [] : undefined;
    const values: Record<string, unknown> = {};
    let key = fields ? String(fieldsId(fields)) : '';
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as Record<string, unknown>;
      key += ';';
      for (const k of Object.keys(row).sort()) {
        const v = row[k];
        if (v === undefined) continue;
        if (v === null) {
          key += `${k}=null,`;
          continue;
        }
        // An SQL expression as a value: Drizzle's own insert, built for this call. It is sent now, as the
        // compiled one would be (awaiting the query itself would send it a tick later, after statements a
        // batch sends after this one).
        if (typeof v === 'object' && is(v, SQL)) {
          const insert = finish(db.insert(table).values(rows) as unknown as BuiltInsert<T>) as BuiltInsert<T>;
          return fields ? await insert.returning(fields).execute() : void (await insert.execute());
        }
        key += `${k},`;
        values[`${i}.${k}`] = v;
      }
    }
    let shape = shapes.get(key);
    if (!shape) shapes.set(key, (shape = compile(rows as Record<string, unknown>[], fields)));
    const result = await sessionOf(db).prepareQuery(shape.query, shape.returning ?? undefined, undefined, shape.returning !== null).execute(values);
    return shape.returning ? result : undefined;
  }) as CompiledInsert<T>;
}
