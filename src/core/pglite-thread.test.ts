import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteThread } from './pglite-thread';

let db: PgliteThread;
beforeAll(async () => {
  db = await PgliteThread.open('memory://');
  await db.query('create table notes (id int primary key, body text not null, at timestamptz)');
});
afterAll(() => db.close());

const count = async () => (await db.query('select count(*)::int as n from notes')).rows[0];

describe('the embedded database on its own thread', () => {
  it('answers statements with their rows, in object or array form', async () => {
    await db.query('insert into notes (id, body) values ($1, $2), ($3, $4)', [1, 'one', 2, 'two']);
    expect((await db.query('select id, body from notes order by id', [])).rows).toEqual([
      { id: 1, body: 'one' },
      { id: 2, body: 'two' },
    ]);
    expect((await db.query('select id, body from notes order by id', [], { rowMode: 'array' })).rows).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
  });

  it('keeps a type as text when its parser keeps it as text, and refuses a parser that changes it', async () => {
    const at = await db.query("select '2026-12-07 10:00:00+00'::timestamptz as at", [], { parsers: { 1184: (v) => v } });
    expect(at.rows).toEqual([{ at: '2026-12-07 10:00:00+00' }]);
    const parsed = await db.query("select '2026-12-07 10:00:00+00'::timestamptz as at");
    expect(parsed.rows).toEqual([{ at: new Date('2026-12-07T10:00:00Z') }]);
    await expect(db.query('select 1', [], { parsers: { 1184: (v) => `${v}!` } })).rejects.toThrow(/keeps type 1184 as text/);
  });

  it('answers a failed statement with PostgreSQL’s error code', async () => {
    const err = await db.query('insert into notes (id, body) values (1, $1)', ['again']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '23505', constraint: 'notes_pkey' });
  });

  it('keeps each statement prepared: the same text with other values, after a failure of it, after a syntax error', async () => {
    for (let i = 0; i < 8; i += 1) {
      expect((await db.query('select $1::int * 2 as n, $2::text as t', [i, `v${i}`])).rows).toEqual([{ n: i * 2, t: `v${i}` }]);
    }
    const insert = 'insert into notes (id, body) values ($1, $2) returning id';
    expect((await db.query(insert, [700, 'kept'])).rows).toEqual([{ id: 700 }]);
    await expect(db.query(insert, [700, 'again'])).rejects.toMatchObject({ code: '23505' });
    expect((await db.query(insert, [701, 'after the failure'])).rows).toEqual([{ id: 701 }]);
    await expect(db.query('select from where', [])).rejects.toMatchObject({ code: '42601' });
    await expect(db.query('select from where', [])).rejects.toMatchObject({ code: '42601' });
    expect((await db.query('select body from notes where id = $1', [701])).rows).toEqual([{ body: 'after the failure' }]);
    await db.query('delete from notes where id >= 700');
  });

  it('parses a kept statement again when its table changed shape, and keeps working past the number it keeps', async () => {
    await db.query('create table reshaped (id int)');
    await db.query('insert into reshaped values (1)');
    expect((await db.query('select * from reshaped', [])).rows).toEqual([{ id: 1 }]);
    await db.query('alter table reshaped add column label text');
    expect((await db.query('select * from reshaped', [])).rows).toEqual([{ id: 1, label: null }]);
    // More distinct statements than the thread keeps: the oldest are closed, and run again when asked.
    for (let i = 0; i < 520; i += 1) expect((await db.query(`select ${i} as n, $1::int as m`, [i])).rows).toEqual([{ n: i, m: i }]);
    expect((await db.query('select 0 as n, $1::int as m', [5])).rows).toEqual([{ n: 0, m: 5 }]);
    expect((await db.query('select * from reshaped', [])).rows).toEqual([{ id: 1, label: null }]);
  });

  it('commits a transaction’s statements together, and makes statements outside it wait for it', async () => {
    const before = await count();
    let outside: Promise<unknown> | undefined;
    await db.transaction(async (tx) => {
      await tx.query('insert into notes (id, body) values (10, $1)', ['in a transaction']);
      outside = db.query('select count(*)::int as n from notes');
      await new Promise((r) => setTimeout(r, 50));
      await tx.query('insert into notes (id, body) values (11, $1)', ['also']);
    });
    expect((await outside) as { rows: unknown[] }).toMatchObject({ rows: [{ n: (before as { n: number }).n + 2 }] });
  });

  it('rolls back a transaction whose work throws, and one asked to roll back', async () => {
    const before = await count();
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into notes (id, body) values (20, $1)', ['lost']);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await db.transaction(async (tx) => {
      await tx.query('insert into notes (id, body) values (21, $1)', ['lost too']);
      await tx.rollback();
    });
    expect(await count()).toEqual(before);
  });

  it('rolls back a transaction after a statement in it failed', async () => {
    const before = await count();
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into notes (id, body) values (30, $1)', ['first']);
        await tx.query('insert into notes (id, body) values (30, $1)', ['duplicate']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toEqual(before);
  });

  it('starts a transaction asked for while another holds the database when that one ends, its statements in it', async () => {
    const seen: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = db.transaction(async (tx) => {
      await tx.query('insert into notes (id, body) values (40, $1)', ['first']);
      seen.push('first wrote');
      await held;
      await tx.query('insert into notes (id, body) values (41, $1)', ['first again']);
    });
    const second = db.transaction(async (tx) => {
      const r = await tx.query('select count(*)::int as n from notes where id in (40, 41)');
      seen.push(`second read ${(r.rows[0] as { n: number }).n}`);
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual(['first wrote']);
    release();
    await Promise.all([first, second]);
    expect(seen).toEqual(['first wrote', 'second read 2']);
  });

  it('runs statements of a transaction sent together one after another, in the order sent', async () => {
    const before = await count();
    const [, , read] = await db.transaction((tx) =>
      Promise.all([
        tx.query('insert into notes (id, body) values (50, $1)', ['a']),
        tx.query('insert into notes (id, body) values (51, $1)', ['b']),
        tx.query('select string_agg(body, \',\' order by id) as bodies from notes where id in (50, 51)'),
      ]),
    );
    expect(read.rows).toEqual([{ bodies: 'a,b' }]);
    await expect(
      db.transaction((tx) =>
        Promise.all([
          tx.query('insert into notes (id, body) values (52, $1)', ['c']),
          tx.query('insert into notes (id, body) values (52, $1)', ['again']),
          tx.query('insert into notes (id, body) values (53, $1)', ['d']),
        ]),
      ),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await count()).toEqual({ n: (before as { n: number }).n + 2 });
  });

  it('ends transactions that ran no statement, committed or thrown', async () => {
    await expect(db.transaction(async () => 'nothing to do')).resolves.toBe('nothing to do');
    await expect(db.transaction(async () => Promise.reject(new Error('before any statement')))).rejects.toThrow('before any statement');
    expect(await count()).toBeDefined();
  });

  it('tells listeners of a notification once its transaction commits', async () => {
    const heard: string[] = [];
    const stop = await db.listen('clara_test', (payload) => heard.push(payload));
    await db.transaction(async (tx) => {
      await tx.query("select pg_notify('clara_test', 'after commit')");
      expect(heard).toEqual([]);
    });
    await expect.poll(() => heard).toEqual(['after commit']);
    await stop();
  });

  it('dumps its data directory, and a database opened from the dump holds the same rows', async () => {
    const copy = await PgliteThread.open('memory://', await db.dumpDataDir('none'));
    try {
      expect((await copy.query('select body from notes where id = 1')).rows).toEqual([{ body: 'one' }]);
    } finally {
      await copy.close();
    }
  });

  it('refuses statements once closed', async () => {
    const other = await PgliteThread.open('memory://');
    await other.close();
    await expect(other.query('select 1')).rejects.toThrow(/closed/);
  });
});
