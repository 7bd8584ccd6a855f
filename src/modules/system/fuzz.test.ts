import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app';

// Every route of the OpenAPI document, called as an admin and as nobody with a fixed battery of bad
// input: wrong types, nulls, huge and deeply nested values, control characters, bad ids and dates,
// prototype keys, wrong content types and broken JSON. Nothing may answer 5xx, and every error
// must come in the one shape. Deterministic: the same requests every run.

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyFields: string[];
  hasBody: boolean;
}

interface Probe {
  label: string;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

const BAD_IDS = ['not-a-uuid', '0', '-1', '99999999999999999999999', '%00', '%E0%A4%A', 'x'.repeat(300), '..%2F..%2Fetc%2Fpasswd', '00000000-0000-4000-8000-000000000000'];
const BAD_QUERY = ['', 'x'.repeat(5000), '-1', 'null', '%00', 'NaN', '[]', '2026-13-45T99:99', '1e309'];
const BAD_VALUES: unknown[] = [null, 12345, -1, true, {}, [], 'a\u0000b', '\u202e\u0007', 'not-a-date', 'not-a-uuid', { __proto__: { admin: true } }, 'x'.repeat(70_000)];
// Skipped as an admin: they would end the session the rest of the run uses.
const SKIP_AS_ADMIN = new Set(['POST /api/auth/logout']);

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function operations(doc: { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => p.name),
        bodyFields: Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
        hasBody: Boolean(op.requestBody) || ['POST', 'PUT', 'PATCH'].includes(method.toUpperCase()),
      });
    }
  }
  return ops;
}

function fill(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

function probes(op: Operation): Probe[] {
  const base = fill(op.path, '00000000-0000-4000-8000-000000000000');
  const list: Probe[] = [];
  if (op.pathParams.length) for (const id of BAD_IDS) list.push({ label: `path ${id.slice(0, 20)}`, url: fill(op.path, id) });
  for (const name of op.queryParams) for (const v of BAD_QUERY) list.push({ label: `query ${name}=${v.slice(0, 12)}`, url: `${base}?${name}=${encodeURIComponent(v)}` });
  list.push({ label: 'query duplicated', url: `${base}?${op.queryParams[0] ?? 'x'}=1&${op.queryParams[0] ?? 'x'}=2` });
  if (!op.hasBody) return list;
  for (const body of [null, [], 'text', 42, {}, nested(200), JSON.parse('{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}')]) {
    list.push({ label: `body ${JSON.stringify(body)?.slice(0, 20)}`, url: base, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  }
  list.push({ label: 'broken JSON', url: base, body: '{"subject": "a', headers: { 'content-type': 'application/json' } });
  list.push({ label: 'text/plain', url: base, body: 'hello', headers: { 'content-type': 'text/plain' } });
  list.push({ label: 'form', url: base, body: 'a=1&b=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  list.push({ label: 'multipart without boundary', url: base, body: '--x\r\n\r\n', headers: { 'content-type': 'multipart/form-data' } });
  list.push({ label: '1 MB string', url: base, body: JSON.stringify({ [op.bodyFields[0] ?? 'x']: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } });
  for (const field of op.bodyFields) {
    for (const value of BAD_VALUES) {
      list.push({ label: `${field}=${JSON.stringify(value)?.slice(0, 16)}`, url: base, body: JSON.stringify({ [field]: value }), headers: { 'content-type': 'application/json' } });
    }
  }
  return list;
}

let t: TestApp;
let admin: Caller;
let ops: Operation[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.asAdmin();
  ops = operations((await t.anonymous().request('GET', '/docs/json')).json());
});
afterAll(() => t.close());

describe('fuzzing every route from the OpenAPI document', () => {
  it('covers the whole API', () => {
    expect(ops.length).toBeGreaterThan(120);
  });

  for (const who of ['admin', 'anonymous'] as const) {
    it(`answers every bad request ${who === 'admin' ? 'of an admin' : 'of an anonymous caller'} below 500 and in the one error shape`, { timeout: 120_000 }, async () => {
      const failures: string[] = [];
      let sent = 0;
      for (const op of ops) {
        if (who === 'admin' && SKIP_AS_ADMIN.has(`${op.method} ${op.path}`)) continue;
        for (const probe of probes(op)) {
          sent += 1;
          // A new client address per request, so per-address rate limits do not hide the routes behind 429s.
          const headers = { ...(probe.headers ?? {}), 'x-forwarded-for': `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent & 255}` };
          const caller = who === 'admin' ? admin : t.anonymous();
          const res = await caller.request(op.method, probe.url, probe.body, headers);
          const where = `${op.method} ${op.path} [${probe.label}] → ${res.statusCode}`;
          if (res.statusCode >= 500) failures.push(`${where}: ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400 && probe.url.startsWith('/api/')) {
            let shaped = false;
            try {
              const e = res.json().error;
              shaped = typeof e?.code === 'string' && typeof e?.message === 'string' && typeof e?.requestId === 'string';
            } catch {
              shaped = false;
            }
            if (!shaped) failures.push(`${where}: not in the error shape: ${res.body.slice(0, 200)}`);
          }
        }
      }
      expect(sent).toBeGreaterThan(3000);
      expect(failures).toEqual([]);
    });
  }
});
