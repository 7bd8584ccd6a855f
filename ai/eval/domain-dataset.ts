import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../src/core/errors';
import { CATEGORIES, PRIORITIES } from '../../src/modules/classify';
import { EvalSplit, loadEvalDataset, parseJsonLines, type EvalDataset } from '../kb/eval-dataset';

/** One line of `tickets.jsonl`: a customer's first message with the labels a senior agent gave it. */
export const EvalTicket = z
  .object({
    id: z.string().trim().min(1),
    subject: z.string(),
    body: z.string().trim().min(1),
    category: z.enum(CATEGORIES),
    priority: z.enum(PRIORITIES),
    /** A person must look at it now: a request for a human, a threat, repeat contact, data loss, a security incident, strong frustration. */
    escalate: z.boolean(),
    split: EvalSplit,
    note: z.string().optional(),
  })
  .strict();
export type EvalTicket = z.infer<typeof EvalTicket>;

export interface DomainDataset extends EvalDataset {
  folder: string;
  /** Empty when the folder has no `tickets.jsonl`. */
  tickets: EvalTicket[];
  /** `queues.json`: the descriptions the company's team gave its queues (queue name → description); empty without the file. */
  queues: { name: string; description: string }[];
}

/** `queues.json`: queue name → description, as a team writes them on day one. */
export const QueueDescriptions = z.record(z.string().trim().min(1), z.string().trim().max(2000));

async function readOptional(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

export function parseTickets(source: string): EvalTicket[] {
  const problems: string[] = [];
  const tickets: EvalTicket[] = [];
  const seen = new Set<string>();
  for (const { row, where } of parseJsonLines(source, 'tickets.jsonl', EvalTicket, problems)) {
    if (seen.has(row.id)) problems.push(`${where}: id "${row.id}" is used twice`);
    seen.add(row.id);
    tickets.push(row);
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `Invalid tickets.jsonl:\n- ${problems.slice(0, 20).join('\n- ')}`, problems);
  return tickets;
}

/** An eval folder (see eval/README.md) plus its optional labelled tickets. */
export async function loadDomainDataset(folder: string): Promise<DomainDataset> {
  const root = resolve(folder);
  const kb = await loadEvalDataset(root);
  const source = await readOptional(join(root, 'tickets.jsonl'));
  const queuesSource = await readOptional(join(root, 'queues.json'));
  let descriptions: Record<string, string> = {};
  if (queuesSource !== null) {
    const parsed = QueueDescriptions.safeParse(JSON.parse(queuesSource));
    if (!parsed.success) throw new AppError('VALIDATION_FAILED', `Invalid queues.json: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    descriptions = parsed.data;
  }
  const queues = Object.entries(descriptions).map(([name, description]) => ({ name, description }));
  return { ...kb, folder: root, tickets: source === null ? [] : parseTickets(source), queues };
}
