import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { announceChange } from '../../../lib/data-changes';
import { ticketKeys } from './types';

export interface BulkProgress {
  label: string;
  done: number;
  total: number;
  failures: { number: number; message: string }[];
}

export interface BulkResult {
  ok: number;
  failures: { number: number; message: string }[];
}

// One request per ticket (the API has no bulk endpoint), in order, so progress is exact and one failure stops nothing.
export function useBulkRun() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const run = useCallback(
    async (label: string, tickets: { id: string; number: number }[], action: (id: string) => Promise<unknown>): Promise<BulkResult> => {
      const failures: BulkResult['failures'] = [];
      setProgress({ label, done: 0, total: tickets.length, failures });
      for (const [i, t] of tickets.entries()) {
        try {
          await action(t.id);
        } catch (err) {
          failures.push({ number: t.number, message: errorMessage(err) });
        }
        setProgress({ label, done: i + 1, total: tickets.length, failures: [...failures] });
      }
      await queryClient.invalidateQueries({ queryKey: ticketKeys.all });
      announceChange(queryClient, 'tickets');
      setProgress(null);
      return { ok: tickets.length - failures.length, failures };
    },
    [queryClient],
  );
  return { progress, run };
}
