import { Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useConsistency, type Difference } from './api.js';
import { formatNumber } from './format.js';

/** `/indicators/consistency`: two sources of the same figure that differ beyond a tolerance, with both definitions. */
export function ConsistencyPage() {
  const { t, language } = useT();
  const [tolerance, setTolerance] = useState('2');
  const value = Number(tolerance.replace(',', '.'));
  const list = useConsistency(Number.isFinite(value) && value >= 0 ? value : 2);
  const side = (s: Difference['first']) => (
    <>
      <Text size="sm">
        {s.organisation}: {s.value === null ? '–' : formatNumber(s.value, language)} ({formatNumber(s.numerator, language)} / {formatNumber(s.denominator, language)})
      </Text>
      <Text size="xs" c="dimmed">
        {t('indicators.consistency.definition', { code: s.definition.code, version: s.definition.version, numerator: s.definition.numerator, denominator: s.definition.denominator })}
      </Text>
    </>
  );
  return (
    <>
      <PageHeading title={t('indicators.consistency.title')} />
      <Text mb="md" maw={820}>
        {t('indicators.consistency.intro')}
      </Text>
      <TextInput label={t('indicators.consistency.tolerance')} value={tolerance} onChange={(e) => setTolerance(e.currentTarget.value)} inputMode="decimal" w={140} mb="md" />
      {list.error ? <ProblemAlert error={list.error} /> : null}
      {list.isLoading ? <PageLoader /> : null}
      {list.data ? (
        list.data.length === 0 ? (
          <Text>{t('indicators.consistency.none')}</Text>
        ) : (
          <CaptionedTable withTableBorder minWidth={900} caption={t('indicators.consistency.caption')} columns={[t('indicators.comparison.region'), t('indicators.values.indicator'), t('indicators.values.period'), t('indicators.consistency.first'), t('indicators.consistency.second'), t('indicators.consistency.difference')]}>
            {list.data.map((d, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {d.regionName}
                  <Text size="xs" c="dimmed">
                    {t(`indicators.consistency.kind.${d.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td>{d.first.definition.nameSv}</Table.Td>
                <Table.Td>{d.period}</Table.Td>
                <Table.Td>{side(d.first)}</Table.Td>
                <Table.Td>{side(d.second)}</Table.Td>
                <Table.Td ta="right">{formatNumber(d.difference, language)}</Table.Td>
              </Table.Tr>
            ))}
          </CaptionedTable>
        )
      ) : null}
    </>
  );
}
