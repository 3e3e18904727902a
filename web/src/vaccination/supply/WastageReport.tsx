import { Group, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { DownloadMenu } from '../../components/DownloadMenu.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { swedishDate } from '../../testing/statistics/api.js';
import { formatShare } from '../../testing/statistics/format.js';
import { fieldErrorOf } from '../core/fieldErrors.js';
import { useProductName, useWastage, type WastageSummary } from './api.js';
import { DataTable } from '../../components/DataTable.js';

const COLUMNS = ['vialsOpened', 'plannedDoses', 'given', 'extra', 'wastedFromOpened', 'wholeVialsLost', 'wasted'] as const;

/** Wastage per site and product over a period (the last seven days to start with), with the region's total. */
export function WastageReport() {
  const { t, language } = useT();
  const [from, setFrom] = useState(swedishDate(6));
  const [to, setTo] = useState(swedishDate());
  const report = useWastage(from, to);
  const productName = useProductName();
  const errorOf = fieldErrorOf(report.error);
  const cells = (s: WastageSummary) => (
    <>
      {COLUMNS.map((c) => (
        <Table.Td key={c} ta="right">
          {s[c]}
        </Table.Td>
      ))}
      <Table.Td ta="right">{formatShare(s.wastageShare, language)}</Table.Td>
    </>
  );
  return (
    <section aria-labelledby="wastage-report-title">
      <Title id="wastage-report-title" order={2} size="h3" mb="sm">
        {t('vaccinationSupply.vials.reportTitle')}
      </Title>
      <Group mb="sm" align="flex-end">
        <TextInput type="date" label={t('vaccinationSupply.vials.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={errorOf('from')} />
        <TextInput type="date" label={t('vaccinationSupply.vials.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} error={errorOf('to')} />
        <DownloadMenu path="/api/vaccination/supply/wastage" query={{ from, to }} formats={['csv', 'xlsx']} disabled={!report.data} />
      </Group>
      {report.isError ? <ProblemAlert error={report.error} /> : null}
      {report.data && report.data.rows.length === 0 ? <Text>{t('vaccinationSupply.vials.noWastage')}</Text> : null}
      {report.data && report.data.rows.length > 0 ? (
        <DataTable minWidth={900} striped withTableBorder aria-label={t('vaccinationSupply.vials.reportCaption', { from: report.data.from, to: report.data.to })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vaccinationSupply.vials.site')}</Table.Th>
                <Table.Th>{t('vaccinationSupply.vials.product')}</Table.Th>
                {COLUMNS.map((c) => (
                  <Table.Th key={c} ta="right">
                    {t(`vaccinationSupply.vials.${c}`)}
                  </Table.Th>
                ))}
                <Table.Th ta="right">{t('vaccinationSupply.vials.share')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.rows.map((r) => (
                <Table.Tr key={`${r.siteId}-${r.productCode}`}>
                  <Table.Th scope="row">{r.siteName}</Table.Th>
                  <Table.Td>{productName(r.productCode)}</Table.Td>
                  {cells(r)}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={2}>
                  {t('vaccinationSupply.vials.total')}
                </Table.Th>
                {cells(report.data.total)}
              </Table.Tr>
            </Table.Tfoot>
          </DataTable>
      ) : null}
    </section>
  );
}
