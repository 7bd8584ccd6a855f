import { useEffect, useState } from 'react';

/** The current time, re-rendered every `everyMs` (SLA countdowns tick without refetching). */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(id);
  }, [everyMs]);
  return now;
}
