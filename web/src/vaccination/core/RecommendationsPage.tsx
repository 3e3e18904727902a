import { Stack, Table, Text } from '@mantine/core';
import { useActor } from '../../ActorContext.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { RecommendationForm } from './criteria/RecommendationForm.js';
import { useRecommendations } from './vaccinationApi.js';
import { DataTable } from '../../components/DataTable.js';

/** `/vaccination` for the coordinator (and `/vaccination/recommendations`): the rules with their validity, and a form to add next season's. */
export function RecommendationsPage() {
  const { t } = useT();
  const { role } = useActor();
  const list = useRecommendations();
  return (
    <>
      <PageHeading title={t('vaccination.recommendations.title')} />
      <Stack gap="lg" maw={1000}>
        <Text>{t('vaccination.recommendations.intro')}</Text>
        {list.isError && <ProblemAlert error={list.error} />}
        <DataTable minWidth={640} aria-label={t('vaccination.recommendations.title')} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vaccination.recommendations.name')}</Table.Th>
                <Table.Th>{t('vaccination.my.vaccine')}</Table.Th>
                <Table.Th>{t('vaccination.recommendations.validity')}</Table.Th>
                <Table.Th>{t('vaccination.recommendations.version')}</Table.Th>
                <Table.Th>{t('vaccination.recommendations.priority')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.recommendations ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Th scope="row">{r.title}</Table.Th>
                  <Table.Td>{r.vaccine}</Table.Td>
                  <Table.Td>{`${r.validFrom} – ${r.validTo ?? t('vaccination.recommendations.untilReplaced')}`}</Table.Td>
                  <Table.Td>{`${r.code} v${r.version}`}</Table.Td>
                  <Table.Td>{r.priority}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
        {role === 'vaccine_coordinator' && <RecommendationForm />}
      </Stack>
    </>
  );
}
