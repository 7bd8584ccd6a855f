import { z } from 'zod';
import { ActionSchema, ConditionSchema } from '@shared/modules/escalation/rules.schema';

export type JsonCheck<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function pathOf(path: PropertyKey[]): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), '');
}

/** Parses JSON typed into a text box and checks it against a schema: every problem as "path: message". */
export function checkJson<T>(text: string, schema: z.ZodType<T>): JsonCheck<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, errors: [`Not valid JSON: ${(err as Error).message}`] };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((i) => (i.path.length ? `${pathOf(i.path)}: ${i.message}` : i.message)) };
}

export const ActionList = z.array(ActionSchema).min(1, 'a rule needs at least one action').max(20);

export const checkConditions = (text: string) => checkJson(text, ConditionSchema);
export const checkActions = (text: string) => checkJson(text, ActionList);

/** Server validation details ({field, message}) as the same "path: message" lines. */
export function detailLines(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details
    .filter((d): d is { field?: unknown; message: string } => !!d && typeof d === 'object' && typeof (d as { message?: unknown }).message === 'string')
    .map((d) => (typeof d.field === 'string' && d.field ? `${d.field.replace(/^body\./, '')}: ${d.message}` : d.message));
}

export const pretty = (value: unknown) => JSON.stringify(value, null, 2);
