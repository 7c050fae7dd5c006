import { Tabs } from '@mantine/core';
import { useState } from 'react';
import type { AnalyticsScope } from '../gql/graphql';
import { useT, type MessageKey } from '../i18n';
import { useSession } from '../session';
import { BenchPanel } from './analytics/Bench';
import { CompliancePanel } from './analytics/Compliance';
import { HeatMapPanel } from './analytics/HeatMap';
import { NeedsPanel } from './analytics/Needs';
import { ProfessionalismPanel } from './analytics/Professionalism';
import { TalentPanel } from './analytics/Talent';

/** The analyses of a scope (an org unit with the units below, or a whole agency), by tab. */
type Tab = 'talent' | 'heatmap' | 'compliance' | 'professionalism' | 'needs' | 'bench';

/** Which tabs a role may open: the API's own rules, so no tab only says "not allowed". */
const TABS: { tab: Tab; label: MessageKey; roles: string[] }[] = [
  { tab: 'talent', label: 'tabTalent', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'heatmap', label: 'tabHeatMap', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'compliance', label: 'tabCompliance', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'professionalism', label: 'tabProfessionalism', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'needs', label: 'trainingNeeds', roles: ['ADMIN', 'HR', 'ANALYST'] },
  { tab: 'bench', label: 'tabBench', roles: ['ADMIN', 'HR', 'COMMITTEE'] },
];

export function ScopeAnalytics(props: { scope: AnalyticsScope; tab: string | null }) {
  const t = useT();
  const { claims } = useSession();
  const tabs = TABS.filter((entry) => entry.roles.includes(claims.role));
  const [tab, setTab] = useState<string | null>(
    tabs.some((entry) => entry.tab === props.tab) ? props.tab : (tabs[0]?.tab ?? null),
  );
  if (tabs.length === 0) return null;
  return (
    <Tabs value={tab} onChange={setTab} mt="md" keepMounted={false}>
      <Tabs.List>
        {tabs.map((entry) => (
          <Tabs.Tab key={entry.tab} value={entry.tab} data-testid={`tab-${entry.tab}`}>
            {t(entry.label)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="talent" pt="md">
        <TalentPanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="heatmap" pt="md">
        <HeatMapPanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="compliance" pt="md">
        <CompliancePanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="professionalism" pt="md">
        <ProfessionalismPanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="needs" pt="md">
        <NeedsPanel scope={props.scope} />
      </Tabs.Panel>
      <Tabs.Panel value="bench" pt="md">
        <BenchPanel scope={props.scope} />
      </Tabs.Panel>
    </Tabs>
  );
}
