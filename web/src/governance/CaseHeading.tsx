import { Badge, Group } from '@mantine/core';
import { PageHeading } from '../components/PageHeading.js';
import { useT } from '../i18n/useT.js';
import type { CaseDetail } from './governanceApi.js';

/** A case's number and title as the page's heading, with its type, status and outcome (staff and public pages). */
export function CaseHeading({ c }: { c: Pick<CaseDetail, 'caseNumber' | 'title' | 'type' | 'status' | 'outcome'> }) {
  const { t } = useT();
  return (
    <>
      <PageHeading title={`${c.caseNumber} ${c.title}`} />
      <Group gap="xs" mb="md">
        <Badge variant="light">{t(`governance.types.${c.type}`)}</Badge>
        <Badge variant="outline">{t(`governance.statuses.${c.status}`)}</Badge>
        {c.outcome && <Badge color="green">{t(`governance.outcomes.${c.outcome}`)}</Badge>}
      </Group>
    </>
  );
}
