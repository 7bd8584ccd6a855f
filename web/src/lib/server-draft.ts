import { useCallback, useEffect, useRef, useState } from 'react';
import { useBlocker } from 'react-router';
import { apiRequest } from './api-client';

// Text a user types is saved on the server a moment after they stop typing, so a reload, another
// device, leaving the page or logging out loses nothing. The page is held only while the last
// change could not be saved.

export type DraftStatus = 'idle' | 'saving' | 'saved' | 'error';

const SAVE_DELAY_MS = 700;
const pending = new Set<() => Promise<boolean>>();

/** Saves every draft still waiting for its delay (before logging out). */
export async function flushAllDrafts(): Promise<void> {
  await Promise.all([...pending].map((flush) => flush()));
}

interface Options<T> {
  /** The draft's address (`/api/tickets/:id/draft`); null while the target is unknown. */
  url: string | null;
  value: T;
  /** An empty value discards the draft instead of saving it. */
  isEmpty: (value: T) => boolean;
  /** Called once with the saved draft, when there is one. */
  onRestore: (content: T, updatedAt: string) => void;
}

export function useServerDraft<T>({ url, value, isEmpty, onRestore }: Options<T>) {
  const [status, setStatus] = useState<DraftStatus>('idle');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const latest = useRef(value);
  // What the editor held when it opened: with no draft on the server, that is what counts as saved
  // (text typed while the draft was still loading is then saved like any other change).
  const baseline = useRef(JSON.stringify(value));
  const saved = useRef<string | null>(null);
  const restore = useRef(onRestore);
  restore.current = onRestore;
  latest.current = value;
  const serialized = JSON.stringify(value);
  const dirty = loaded && url !== null && serialized !== saved.current;

  useEffect(() => {
    if (!url) return;
    let live = true;
    setLoaded(false);
    apiRequest<{ draft: { content: T; updated_at: string } | null }>(url)
      .then(({ draft }) => {
        if (!live) return;
        if (draft && !isEmpty(draft.content)) {
          saved.current = JSON.stringify(draft.content);
          setSavedAt(draft.updated_at);
          restore.current(draft.content, draft.updated_at);
        } else saved.current = baseline.current;
        setLoaded(true);
      })
      .catch(() => {
        if (!live) return;
        saved.current = baseline.current;
        setLoaded(true);
      });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [url]);

  const flush = useCallback(
    async (keepalive = false): Promise<boolean> => {
      if (!url) return true;
      const current = latest.current;
      const text = JSON.stringify(current);
      if (text === saved.current) return true;
      setStatus('saving');
      try {
        if (isEmpty(current)) {
          await apiRequest(url, { method: 'DELETE', keepalive });
          setSavedAt(null);
        } else {
          const res = await apiRequest<{ draft: { updated_at: string } }>(url, { method: 'PUT', body: { content: current }, keepalive });
          setSavedAt(res.draft.updated_at);
        }
        saved.current = text;
        setStatus(JSON.stringify(latest.current) === text ? 'saved' : 'saving');
        return true;
      } catch {
        setStatus('error');
        return false;
      }
    },
    [url, isEmpty],
  );

  // Save a moment after the last keystroke.
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    const entry = () => flush();
    pending.add(entry);
    return () => {
      clearTimeout(timer);
      pending.delete(entry);
    };
  }, [dirty, serialized, flush]);

  // Leaving the page (a link, Back): save first; stay only when saving fails.
  const blocker = useBlocker(dirty || status === 'error');
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void flush().then((ok) => {
      if (ok) blocker.proceed();
    });
  }, [blocker, flush]);

  // Closing or reloading the tab: send what is unsaved and let the browser ask.
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => {
      void flush(true);
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty, flush]);

  /** Forget the draft on the server (sent, or discarded by the user). */
  const clear = useCallback(
    async (next: T) => {
      latest.current = next;
      saved.current = JSON.stringify(next);
      setSavedAt(null);
      setStatus('idle');
      if (url) await apiRequest(url, { method: 'DELETE' }).catch(() => undefined);
    },
    [url],
  );

  return {
    status,
    savedAt,
    dirty,
    loaded,
    /** The leave guard: open when a change could not be saved. */
    blocked: blocker.state === 'blocked' && status === 'error',
    stay: () => blocker.state === 'blocked' && blocker.reset(),
    leaveAnyway: () => blocker.state === 'blocked' && blocker.proceed(),
    clear,
  };
}
