export type ConfidenceTone = 'high' | 'medium' | 'low';

// The bands agents see; "high" starts at the shipped auto-resolve default (CLARA_AUTORESOLVE_THRESHOLD = 0.85).
export const HIGH_CONFIDENCE = 0.85;
export const MEDIUM_CONFIDENCE = 0.6;

export function confidenceTone(value: number): ConfidenceTone {
  if (value >= HIGH_CONFIDENCE) return 'high';
  if (value >= MEDIUM_CONFIDENCE) return 'medium';
  return 'low';
}

export const CONFIDENCE_COLOR: Record<ConfidenceTone, string> = { high: 'teal', medium: 'yellow', low: 'red' };

/** 0.873 → "87%"; out-of-range or non-finite values are clamped (a score is never shown as 140%). */
export function formatPercent(value: number): string {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  return `${Math.round(v * 100)}%`;
}
