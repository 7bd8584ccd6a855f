import { Button } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

/** Plays a reply as speech (rendered by the server on first use, then cached). */
export function PlayAnswerButton({ src, label = 'Listen' }: { src: string; label?: string }) {
  const audio = useRef<HTMLAudioElement | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'playing' | 'error'>('idle');

  useEffect(() => () => audio.current?.pause(), []);

  const toggle = () => {
    if (state === 'playing' || state === 'loading') {
      audio.current?.pause();
      setState('idle');
      return;
    }
    audio.current ??= new Audio(src);
    const a = audio.current;
    a.onplaying = () => setState('playing');
    a.onended = () => setState('idle');
    a.onerror = () => setState('error');
    setState('loading');
    a.currentTime = 0;
    a.play().catch(() => setState('error'));
  };

  return (
    <Button size="compact-xs" variant="subtle" onClick={toggle} loading={state === 'loading'} color={state === 'error' ? 'red' : undefined} aria-label={state === 'playing' ? 'Stop playing' : `${label}: play this answer aloud`}>
      {state === 'playing' ? 'Stop' : state === 'error' ? 'Audio unavailable' : label}
    </Button>
  );
}
