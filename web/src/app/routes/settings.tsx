import { Stack, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../../lib/session';
import { AutoResolvePanel } from '../../features/settings/components/autoresolve-panel';
import { CalendarsPanel } from '../../features/settings/components/calendars-panel';
import { ClassifierPanel } from '../../features/settings/components/classifier-panel';
import { QueuesPanel } from '../../features/settings/components/queues-panel';
import { RulesPanel } from '../../features/settings/components/rules-panel';
import { SlaPoliciesPanel } from '../../features/settings/components/sla-policies-panel';
import { EmailTemplatesPanel } from '../../features/settings/components/email-templates-panel';
import { InboundEmailsPanel } from '../../features/settings/components/inbound-emails-panel';
import { MailboxesPanel } from '../../features/settings/components/mailboxes-panel';
import { useHealth } from '../../features/system/api/health';
import { useUsers } from '../../features/users/api/list-users';

const TABS = ['queues', 'slas', 'escalation', 'automation'] as const;
const EMAIL_TABS = ['mailboxes', 'email-templates', 'incoming-mail'] as const;
type Tab = (typeof TABS)[number] | (typeof EMAIL_TABS)[number];

function QueuesTab() {
  const session = useSession();
  const users = useUsers({ active: 'true' }, { enabled: session.can('users:read') });
  const staff = (users.data ?? []).filter((u) => u.role !== 'viewer').map((u) => ({ value: u.id, label: `${u.name} (${u.role})` }));
  return <QueuesPanel staff={staff} canManage={session.can('queues:manage')} />;
}

function MailboxesTab() {
  const health = useHealth();
  return <MailboxesPanel features={health.data?.features} />;
}

export function SettingsPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const canEmail = session.can('email:manage');
  const allowed: readonly string[] = canEmail ? [...TABS, ...EMAIL_TABS] : TABS;
  const tab: Tab = wanted && allowed.includes(wanted) ? (wanted as Tab) : 'queues';
  const readOnly = !session.can('settings:manage');
  return (
    <Stack gap={0}>
      <PageHeader
        title="Settings"
        description={`How tickets are routed, assigned, timed and escalated${canEmail ? ', and how email comes in and goes out' : ''}.${readOnly ? ' Only admins can change these.' : ''}`}
      />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'queues' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="queues">Queues</Tabs.Tab>
          <Tabs.Tab value="slas">SLAs & business hours</Tabs.Tab>
          <Tabs.Tab value="escalation">Escalation rules</Tabs.Tab>
          <Tabs.Tab value="automation">Classifier & auto-resolve</Tabs.Tab>
          {canEmail && (
            <>
              <Tabs.Tab value="mailboxes">Mailboxes</Tabs.Tab>
              <Tabs.Tab value="email-templates">Email templates</Tabs.Tab>
              <Tabs.Tab value="incoming-mail">Incoming mail</Tabs.Tab>
            </>
          )}
        </Tabs.List>
        <Tabs.Panel value="queues">
          <QueuesTab />
        </Tabs.Panel>
        <Tabs.Panel value="slas">
          <Stack gap="md">
            <SlaPoliciesPanel canManage={session.can('sla:manage')} />
            <CalendarsPanel canManage={session.can('sla:manage')} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="escalation">
          <RulesPanel canManage={session.can('escalation:manage')} />
        </Tabs.Panel>
        <Tabs.Panel value="automation">
          <Stack gap="md">
            <AutoResolvePanel canManage={session.can('settings:manage')} />
            <ClassifierPanel canManage={session.can('settings:manage')} />
          </Stack>
        </Tabs.Panel>
        {canEmail && (
          <>
            <Tabs.Panel value="mailboxes">
              <MailboxesTab />
            </Tabs.Panel>
            <Tabs.Panel value="email-templates">
              <EmailTemplatesPanel />
            </Tabs.Panel>
            <Tabs.Panel value="incoming-mail">
              <InboundEmailsPanel />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
    </Stack>
  );
}
