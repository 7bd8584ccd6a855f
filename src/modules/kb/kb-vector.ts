import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../core/db';

export const EMBEDDING_DIMENSIONS = 384;

// Applied only where pgvector exists: a `vector` column would break migrations on a PostgreSQL
// without the extension (Debian's, for one), and the rest of Clara must run there.
export async function ensureVectorSchema(db: Db): Promise<void> {
  await db.execute(sql.raw(`create table if not exists kb_embeddings (
    chunk_id uuid primary key references kb_chunks(id) on delete cascade,
    model_id text not null,
    embedding vector(${EMBEDDING_DIMENSIONS}) not null
  )`));
  await db.execute(sql`create index if not exists kb_embeddings_hnsw_idx on kb_embeddings using hnsw (embedding vector_cosine_ops)`);
}

const literal = (v: readonly number[]) => `[${v.map((x) => (Number.isFinite(x) ? x : 0)).join(',')}]`;

export async function upsertEmbeddings(db: Db, modelId: string, rows: { chunkId: string; vector: readonly number[] }[]): Promise<void> {
  for (const r of rows) {
    await db.execute(
      sql`insert into kb_embeddings (chunk_id, model_id, embedding) values (${r.chunkId}, ${modelId}, ${literal(r.vector)}::vector)
          on conflict (chunk_id) do update set model_id = excluded.model_id, embedding = excluded.embedding`,
    );
  }
}

export async function vectorSearch(db: Db, modelId: string, query: readonly number[], limit: number) {
  return queryRows<{ chunk_id: string; similarity: number }>(
    db,
    sql`select e.chunk_id, 1 - (e.embedding <=> ${literal(query)}::vector) as similarity
        from kb_embeddings e
        join kb_chunks c on c.id = e.chunk_id
        join kb_articles a on a.id = c.article_id
        where e.model_id = ${modelId} and a.status = 'published' and a.deleted_at is null
        order by e.embedding <=> ${literal(query)}::vector
        limit ${limit}`,
  );
}

export async function chunksMissingEmbeddings(db: Db, modelId: string, limit: number) {
  return queryRows<{ id: string; text: string }>(
    db,
    sql`select c.id, c.text from kb_chunks c
        left join kb_embeddings e on e.chunk_id = c.id and e.model_id = ${modelId}
        where e.chunk_id is null order by c.id limit ${limit}`,
  );
}
