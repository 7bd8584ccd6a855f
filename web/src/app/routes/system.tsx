import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/page-header';
import { ErrorState, LoadingState } from '../../components/page-states';
import { useHealth } from '../../features/system/api/health';
import { HealthPanel } from '../../features/system/components/health-panel';
import { MailPanel } from '../../features/system/components/mail-panel';
import { DeadEmailsPanel, FailedJobsPanel, RecentErrorsPanel } from '../../features/system/components/operations-panels';

export function SystemPage() {
  const health = useHealth();
  return (
    <Stack gap="md">
      <PageHeader title="System" description="Health of this Clara server, failed work and recent errors; refreshes every 15 seconds." />
      {health.isPending ? (
        <LoadingState />
      ) : health.isError ? (
        <ErrorState error={health.error} onRetry={() => void health.refetch()} title="Health check failed" />
      ) : (
        <HealthPanel health={health.data} />
      )}
      <MailPanel />
      <FailedJobsPanel />
      <DeadEmailsPanel />
      <RecentErrorsPanel />
    </Stack>
  );
}
