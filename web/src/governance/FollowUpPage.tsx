import { Table, Text } from '@mantine/core';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { useT } from '../i18n/useT.js';
import { QueryStatus } from '../tracing/QueryStatus.js';
import { RequestStatusButton } from './FollowUpPanels.js';
import { useOverdue } from './governanceApi.js';
import { useCanWrite } from './useCanWrite.js';

/** `/governance/follow-up`: plans' activities and audits' recommendations past their due day. */
export function FollowUpPage() {
  const { t } = useT();
  const query = useOverdue();
  const canWrite = useCanWrite();
  const c = (k: 'case' | 'action' | 'owner' | 'due' | 'status') => t(`governance.followUp.columns.${k}`);
  return (
    <>
      <PageHeading title={t('governance.followUp.title')} />
      <QueryStatus query={query} />
      {canWrite && query.data && query.data.actions.length > 0 && <RequestStatusButton />}
      {query.data && query.data.actions.length === 0 && <Text>{t('governance.followUp.none')}</Text>}
      {query.data && query.data.actions.length > 0 && (
        <CaptionedTable caption={t('governance.followUp.title')} minWidth={700} columns={[c('case'), c('action'), c('owner'), c('due'), c('status')]}>
          {query.data.actions.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.caseNumber}</Table.Td>
              <Table.Td>{a.title}</Table.Td>
              <Table.Td>{a.owner}</Table.Td>
              <Table.Td>{a.dueOn}</Table.Td>
              <Table.Td>{a.status}</Table.Td>
            </Table.Tr>
          ))}
        </CaptionedTable>
      )}
    </>
  );
}
