import { parse } from 'csv-parse/sync';

/** RFC-4180 CSV (csv-parse) → one object per record keyed by the header; records with another field count are dropped. */
export function parseCsv(text: string): Record<string, string>[] {
  const [header, ...body] = parse(text, { bom: true, relax_column_count: true }) as string[][];
  if (!header) return [];
  return body
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}
