import { Anchor, Badge, Button, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { exportPath, useDefinitions } from './api.js';
import { DocumentImportForm, NewVersionForm } from './DefinitionForms.js';
import { definitionName, targetText } from './format.js';

/** `/indicators`: every definition with all its versions, the active one marked. */
export function DefinitionsPage() {
  const { t, language } = useT();
  const definitions = useDefinitions();
  return (
    <>
      <PageHeading title={t('indicators.definitions.title')} />
      <Text mb="md" maw={820}>
        {t('indicators.definitions.intro')}
      </Text>
      <Group mb="md">
        <Button component="a" variant="light" href={exportPath('.csv')} download>
          {t('indicators.definitions.csv')}
        </Button>
        <Button component="a" variant="light" href={exportPath('.xlsx')} download>
          {t('indicators.definitions.xlsx')}
        </Button>
      </Group>
      {definitions.error ? <ProblemAlert error={definitions.error} /> : null}
      {definitions.isLoading ? <PageLoader /> : null}
      {definitions.data ? (
        <CaptionedTable
          withTableBorder
          striped
          minWidth={1100}
          caption={t('indicators.definitions.caption')}
          columns={[t('indicators.definitions.name'), t('indicators.definitions.version'), t('indicators.definitions.numerator'), t('indicators.definitions.denominator'), t('indicators.definitions.unit'), t('indicators.definitions.period'), t('indicators.definitions.target'), t('indicators.definitions.owner'), t('indicators.definitions.document')]}
        >
          {definitions.data.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {definitionName(d, language)}
                </Text>
                <Text size="xs" c="dimmed">
                  {d.code}
                  {d.computation ? ` · ${t('indicators.definitions.computed')}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {d.version} <Badge color={d.active ? 'green' : 'gray'}>{d.active ? t('indicators.definitions.active') : t('indicators.definitions.retired')}</Badge>
              </Table.Td>
              <Table.Td>{d.numerator}</Table.Td>
              <Table.Td>{d.denominator}</Table.Td>
              <Table.Td>{t(`indicators.units.${d.unit}`)}</Table.Td>
              <Table.Td>{t(`indicators.periodTypes.${d.periodType}`)}</Table.Td>
              <Table.Td>{targetText(d, t, language)}</Table.Td>
              <Table.Td>{d.owner}</Table.Td>
              <Table.Td>
                <Anchor href={`/api/indicators/definitions/${d.id}/document`} download={`${d.code}-v${d.version}.json`} size="sm">
                  {t('indicators.definitions.json', { code: d.code, version: d.version })}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </CaptionedTable>
      ) : null}
      {definitions.data ? (
        <SimpleGrid cols={{ base: 1, lg: 2 }} mt="xl">
          <NewVersionForm definitions={definitions.data} />
          <DocumentImportForm />
        </SimpleGrid>
      ) : null}
    </>
  );
}
