import { Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { ErrorState, LoadingState } from '../../components/page-states';
import { useSession } from '../../lib/session';
import { formatDateTime } from '../../lib/time';
import { useDashboard } from '../../features/dashboard/api/get-dashboard';
import { BreakdownCharts, VolumeChart } from '../../features/dashboard/components/dashboard-charts';
import { SlaCards } from '../../features/dashboard/components/sla-cards';
import { StatCards } from '../../features/dashboard/components/stat-cards';
import { WorkloadTable } from '../../features/dashboard/components/workload-table';
import { TeamProgressCard } from '../../features/tasks/components/team-progress-card';

export function DashboardPage() {
  const { user, can } = useSession();
  const dashboard = useDashboard(user.timezone);
  const d = dashboard.data;
  return (
    <Stack gap="md">
      <PageHeader
        title="Dashboard"
        description={d ? `Team overview · SLA and medians over the last ${d.window_days} days · days in ${d.timezone}` : 'Team overview'}
        actions={
          <Button component={Link} to="/tickets" variant="light">
            Open the inbox
          </Button>
        }
      />
      {dashboard.isPending ? (
        <LoadingState label="Loading the dashboard…" />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} title="Could not load the dashboard" />
      ) : (
        <>
          <StatCards counts={d!.counts} />
          <SlaCards data={d!} />
          <VolumeChart volume={d!.volume} days={d!.window_days} />
          <BreakdownCharts data={d!} />
          <WorkloadTable workload={d!.workload} unassigned={d!.counts.unassigned} />
          {can('tasks:read') && <TeamProgressCard />}
          <Text size="xs" c="dimmed">
            Updated {formatDateTime(d!.generated_at, user.timezone)} · refreshes every minute
          </Text>
        </>
      )}
    </Stack>
  );
}
