import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { KbAnswer } from './types';

export function useAskClara() {
  return useMutation({ mutationFn: (question: string) => api.post<KbAnswer>('/api/kb/ask', { question }) });
}
