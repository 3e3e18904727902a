import { Anchor, Table, Text } from '@mantine/core';
import { DateTime } from '../../components/DateTime.js';
import { useT } from '../../i18n/useT.js';
import { ReferralStateBadge } from './ReferralStateBadge.js';
import { labelUrl, type Referral } from './referralsApi.js';
import { DataTable } from '../../components/DataTable.js';

/** Referrals with their states; the unit sees answers and prints labels, the lab sees which unit sent each. */
export function ReferralsTable({ referrals, caption, view }: { referrals: readonly Referral[]; caption: string; view: 'unit' | 'lab' }) {
  const { t } = useT();
  if (referrals.length === 0) return <Text c="dimmed">{t('testing.referrals.none')}</Text>;
  return (
    <DataTable minWidth={760} striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('testing.referrals.columns.code')}</Table.Th>
            <Table.Th scope="col">{t('testing.referrals.columns.person')}</Table.Th>
            <Table.Th scope="col">{t('testing.referrals.columns.test')}</Table.Th>
            <Table.Th scope="col">{t('testing.referrals.columns.samplingAt')}</Table.Th>
            {view === 'lab' && <Table.Th scope="col">{t('testing.referrals.columns.unit')}</Table.Th>}
            <Table.Th scope="col">{t('testing.referrals.columns.state')}</Table.Th>
            {view === 'unit' && <Table.Th scope="col">{t('testing.referrals.columns.answer')}</Table.Th>}
            {view === 'unit' && <Table.Th scope="col">{t('testing.referrals.columns.label')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {referrals.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.code}</Table.Td>
              <Table.Td>
                {r.name}
                {r.identityNumber && (
                  <Text size="xs" c="dimmed">
                    {r.identityNumber}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {t(`testing.testTypes.${r.testType}`)}
                {r.urgency === 'urgent' && <Text size="xs" c="red" fw={600}>{t('testing.referrals.urgency.urgent')}</Text>}
                <Text size="xs" c="dimmed">
                  {t(r.collection === 'staff' ? 'testing.referrals.byStaff' : 'testing.referrals.bySelf')}
                </Text>
              </Table.Td>
              <Table.Td>
                <DateTime iso={r.samplingAt} />
              </Table.Td>
              {view === 'lab' && <Table.Td>{r.orderingUnitName}</Table.Td>}
              <Table.Td>
                <ReferralStateBadge referral={r} />
              </Table.Td>
              {view === 'unit' && <Table.Td>{r.result ? t(`testing.results.${r.result}`) : '–'}</Table.Td>}
              {view === 'unit' && (
                <Table.Td>
                  <Anchor href={labelUrl(r.id)} download aria-label={t('testing.referrals.printLabelFor', { code: r.code })}>
                    {t('testing.referrals.label')}
                  </Anchor>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
  );
}
