// Knowledge-base search latency at growing sizes: the in-memory inverted index retrieval picks its
// candidates from, PGlite and PostgreSQL full-text (what it picked them with before), and PGlite vector
// search (HNSW). Chunks go straight into kb_chunks (the chunker is not what is measured); vectors are
// hashed bags of words standing in for a model that cannot load here (latency does not depend on them).
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../src/core/db';
import { buildTermStats, candidateChunks } from '../src/modules/kb/term-stats';
import { analyzeTerms } from '../src/modules/kb/text-analysis';
import { ensureVectorSchema, vectorSearch } from '../src/modules/kb/kb-vector';
import { hashedEmbedding } from '../src/testing/fake-ollama';
import { latency, withTempPostgres } from './temp-postgres';

const WORDS = (
  'account billing invoice refund password login reset export import webhook api key token limit plan upgrade cancel ' +
  'subscription payment card declined team invite role permission admin workspace project report dashboard sync mobile ' +
  'browser error timeout outage status backup restore delete archive notification email calendar integration slack'
).split(' ');
const QUERIES = ['reset or password or login', 'refund or invoice', 'webhook or timeout or error', 'invite or team or role', 'export or report', 'cancel or subscription'];

// PostgreSQL's full-text ranking of the published chunks, as retrieval used it for its candidates.
function fulltextRanks(db: Database['db'], websearch: string, limit: number) {
  return queryRows<{ chunk_id: string; rank: number }>(
    db,
    sql`with q as (select websearch_to_tsquery('english', ${websearch}) as query)
        select c.id as chunk_id, ts_rank_cd(c.search_vector, q.query, 1) as rank
        from kb_chunks c join kb_articles a on a.id = c.article_id, q
        where a.status = 'published' and a.deleted_at is null and c.search_vector @@ q.query
        order by rank desc, c.id
        limit ${limit}`,
  );
}

function pseudoText(i: number): string {
  let x = (i * 2654435761) >>> 0;
  const out: string[] = [];
  for (let k = 0; k < 60; k += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out.push(WORDS[x % WORDS.length]!);
  }
  return out.join(' ');
}

async function fill(db: Database, n: number, withVectors: boolean): Promise<void> {
  const [{ have }] = (await queryRows<{ have: number }>(db.db, sql`select count(*)::int as have from kb_chunks`)) as [{ have: number }];
  if (have === 0) await db.db.execute(sql`insert into kb_articles (slug, title, body, status) values ('bench', 'Bench', 'bench', 'published')`);
  const [article] = await queryRows<{ id: string }>(db.db, sql`select id from kb_articles where slug = 'bench'`);
  for (let i = have; i < n; i += 250) {
    const texts = Array.from({ length: Math.min(250, n - i) }, (_, j) => pseudoText(i + j));
    const values = texts.map((t, j) => sql`(${article!.id}::uuid, ${i + j}, array['Bench'], 'Bench', ${t}, 60)`);
    const ids = await queryRows<{ id: string; text: string }>(
      db.db,
      sql`insert into kb_chunks (article_id, ordinal, heading_path, heading, text, token_count) values ${sql.join(values, sql`, `)} returning id, text`,
    );
    if (withVectors) {
      const vectors = ids.map((r) => sql`(${r.id}::uuid, 'bench', ${`[${hashedEmbedding(r.text).join(',')}]`}::vector)`);
      await db.db.execute(sql`insert into kb_embeddings (chunk_id, model_id, embedding) values ${sql.join(vectors, sql`, `)}`);
    }
  }
}

export interface KbRow {
  target: string;
  chunks: number;
  p50: number;
  p95: number;
}

export async function benchKbSearch(sizes: number[], vectorSizes: number[], pgUrl: string | null): Promise<KbRow[]> {
  const rows: KbRow[] = [];
  const lite = await openDatabase({ dataDir: 'memory://' });
  await ensureVectorSchema(lite.db);
  for (const n of sizes) {
    const texts = Array.from({ length: n }, (_, i) => pseudoText(i));
    const stats = buildTermStats(texts, texts.map((_, i) => String(i)));
    const terms = QUERIES.map((q) => analyzeTerms(q.replaceAll(' or ', ' ')));
    rows.push({ target: 'in-memory index', chunks: n, ...(await latency(async (i) => candidateChunks(stats, terms[i % terms.length]!, 20), 30)) });
    const vectors = vectorSizes.includes(n);
    // HNSW inserts are slow on PGlite: fill first, then (re)build the index.
    await lite.db.execute(sql`drop index if exists kb_embeddings_hnsw_idx`);
    await fill(lite, n, vectors);
    rows.push({ target: 'pglite full-text', chunks: n, ...(await latency((i) => fulltextRanks(lite.db, QUERIES[i % QUERIES.length]!, 20), 30)) });
    if (vectors) {
      await lite.db.execute(sql`create index kb_embeddings_hnsw_idx on kb_embeddings using hnsw (embedding vector_cosine_ops)`);
      const q = (i: number) => hashedEmbedding(QUERIES[i % QUERIES.length]!.replaceAll(' or ', ' '));
      rows.push({ target: 'pglite vector (HNSW)', chunks: n, ...(await latency((i) => vectorSearch(lite.db, 'bench', q(i), 20), 30)) });
    }
  }
  await lite.close();
  if (!pgUrl) return rows;
  await withTempPostgres(pgUrl, 'clara_kbbench', async (db) => {
    for (const n of sizes) {
      await fill(db, n, false);
      await db.db.execute(sql`analyze kb_chunks`);
      rows.push({ target: 'postgres full-text', chunks: n, ...(await latency((i) => fulltextRanks(db.db, QUERIES[i % QUERIES.length]!, 20), 30)) });
    }
  });
  return rows;
}

export function printKbTable(rows: KbRow[]): void {
  console.log('\nknowledge-base search latency (top 20 chunks, 30 queries each)\n');
  console.log('| target | chunks | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.target} | ${r.chunks} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`);
}
