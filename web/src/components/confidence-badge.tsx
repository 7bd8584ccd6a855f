import { Badge, Tooltip } from '@mantine/core';
import { CONFIDENCE_COLOR, confidenceTone, formatPercent } from '../lib/confidence';

export function ConfidenceBadge({ value, label = 'Confidence', testId }: { value: number; label?: string; testId?: string }) {
  const tone = confidenceTone(value);
  return (
    <Tooltip label={`${label}: ${tone}`}>
      <Badge color={CONFIDENCE_COLOR[tone]} variant="light" tt="none" miw="max-content" data-testid={testId} aria-label={`${label} ${formatPercent(value)} (${tone})`}>
        {label} {formatPercent(value)}
      </Badge>
    </Tooltip>
  );
}
