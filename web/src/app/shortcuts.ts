import { useEffect, useRef } from 'react';

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (TYPING.has(el.tagName) || el.isContentEditable);
}

/** "g" then a key within a second: the nav shortcuts (g d → dashboard, g i → inbox …). */
export function useGoShortcuts(targets: Record<string, () => void>): void {
  const armed = useRef(0);
  const ref = useRef(targets);
  ref.current = targets;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === 'g') {
        armed.current = Date.now();
        return;
      }
      if (Date.now() - armed.current < 1000 && ref.current[e.key]) {
        e.preventDefault();
        armed.current = 0;
        ref.current[e.key]!();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'g d / g i / g k / g u', what: 'Go to dashboard / inbox / knowledge base / users' },
  { keys: 'g a / g s / g e', what: 'Go to audit log / system / settings' },
  { keys: 'g c / g t', what: 'Go to calendar / tasks' },
  { keys: 'n', what: 'New meeting or task (calendar, task board)' },
  { keys: 'j / k', what: 'Next / previous ticket in the inbox' },
  { keys: 'Enter', what: 'Open the highlighted ticket' },
  { keys: 'x', what: 'Select the highlighted ticket' },
  { keys: '/', what: 'Search tickets' },
  { keys: 'Ctrl + Enter', what: 'Send the reply or note' },
  { keys: '?', what: 'Show this list' },
];
