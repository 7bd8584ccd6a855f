import { createBrowserRouter, Outlet } from 'react-router';
import type { Permission } from '@shared/core/rbac';
import { RequirePermission } from '../components/require-permission';
import { AuditPage } from './routes/audit';
import { InboxPage } from './routes/inbox';
import { InvitePage } from './routes/invite';
import { KnowledgeBasePage } from './routes/kb';
import { ArticlePage } from './routes/kb-article';
import { NewArticlePage } from './routes/kb-new';
import { LoginPage } from './routes/login';
import { NotFoundPage } from './routes/not-found';
import { SettingsPage } from './routes/settings';
import { SupportPage } from './routes/support';
import { SupportStatusPage } from './routes/support-status';
import { SupportArticlePage } from './routes/support-article';
import { SystemPage } from './routes/system';
import { TasksPage } from './routes/tasks';
import { TicketPage } from './routes/ticket';
import { UsersPage } from './routes/users';
import { SessionGate } from './session-gate';
import { Shell } from './shell';

const guarded = (permission: Permission, page: React.ReactNode) => <RequirePermission permission={permission}>{page}</RequirePermission>;

export function createRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage /> },
    { path: '/invite/:token', element: <InvitePage /> },
    // The customer side needs no login.
    { path: '/support', element: <SupportPage /> },
    { path: '/support/status/:token', element: <SupportStatusPage /> },
    { path: '/support/articles/:ref', element: <SupportArticlePage /> },
    {
      element: (
        <SessionGate>
          <Outlet />
        </SessionGate>
      ),
      children: [
        {
          element: <Shell />,
          children: [
            {
              index: true,
              // The charts are the heaviest dependency: only the dashboard loads them, not the login or support pages.
              lazy: async () => {
                const { DashboardPage } = await import('./routes/dashboard');
                return { element: guarded('tickets:read', <DashboardPage />) };
              },
            },
            { path: 'tickets', element: guarded('tickets:read', <InboxPage />) },
            { path: 'tickets/:ref', element: guarded('tickets:read', <TicketPage />) },
            { path: 'kb', element: guarded('kb:read', <KnowledgeBasePage />) },
            { path: 'kb/new', element: guarded('kb:write', <NewArticlePage />) },
            { path: 'kb/:id', element: guarded('kb:read', <ArticlePage />) },
            {
              path: 'calendar',
              // FullCalendar is the second-heaviest dependency: only the calendar page loads it.
              lazy: async () => {
                const { CalendarPage } = await import('./routes/calendar');
                return { element: guarded('meetings:read', <CalendarPage />) };
              },
            },
            { path: 'tasks', element: guarded('tasks:read', <TasksPage />) },
            { path: 'users', element: guarded('users:read', <UsersPage />) },
            { path: 'audit', element: guarded('audit:read', <AuditPage />) },
            { path: 'system', element: guarded('system:read', <SystemPage />) },
            { path: 'settings', element: guarded('settings:read', <SettingsPage />) },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
