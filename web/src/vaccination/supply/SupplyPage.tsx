import { Alert, Button, Group, List, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useActor } from '../../ActorContext.js';
import { DownloadMenu } from '../../components/DownloadMenu.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { isoWeekOfDate, swedishDate } from '../../testing/statistics/api.js';
import { swedishClock } from '../core/format.js';
import { CaptionedTable } from '../../components/CaptionedTable.js';
import { useForecasts, useProducts, useRecordForecast, useShortages, useStock, type ShortageSite, type Suggestion } from './api.js';

/** `/vaccination/supply`: stock per site, booked times no longer covered and what to do, forecasts and their changes. */
export function SupplyPage() {
  const { t } = useT();
  const { role } = useActor();
  const coordinator = role === 'vaccine_coordinator';
  const stock = useStock();
  const shortages = useShortages();
  return (
    <>
      <PageHeading title={t('vaccinationSupply.nav.supply')} />
      <Stack gap="xl">
        <section aria-labelledby="shortages-title">
          <Title id="shortages-title" order={2} size="h3" mb="sm">
            {t('vaccinationSupply.shortages.title')}
          </Title>
          {shortages.error ? <ProblemAlert error={shortages.error} /> : null}
          {shortages.data && shortages.data.sites.length === 0 ? <Text>{t('vaccinationSupply.shortages.none')}</Text> : null}
          {shortages.data?.sites.map((s) => <ShortageCard key={`${s.siteId}-${s.vaccine}`} site={s} />)}
        </section>
        <section>
          {stock.data && stock.data.sites.length > 0 ? (
            <Group justify="flex-end" mb="xs">
              <DownloadMenu path="/api/vaccination/supply/stock" query={{}} formats={['csv', 'xlsx']} />
            </Group>
          ) : null}
          {stock.error ? <ProblemAlert error={stock.error} /> : null}
          {stock.isLoading ? <PageLoader /> : null}
          {stock.data && stock.data.sites.length === 0 ? <Text>{t('vaccinationSupply.stock.empty')}</Text> : null}
          {stock.data && stock.data.sites.length > 0 ? (
            <CaptionedTable withTableBorder heading={t('vaccinationSupply.stock.caption')} striped minWidth={700}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('vaccinationSupply.stock.site')}</Table.Th>
                  <Table.Th ta="right">{t('vaccinationSupply.stock.unopenedVials')}</Table.Th>
                  <Table.Th ta="right">{t('vaccinationSupply.stock.expectedDoses')}</Table.Th>
                  <Table.Th ta="right">{t('vaccinationSupply.stock.openVials')}</Table.Th>
                  <Table.Th>{t('vaccinationSupply.stock.batches')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stock.data.sites.map((s) => (
                  <Table.Tr key={s.siteId}>
                    <Table.Td>{s.siteName}</Table.Td>
                    <Table.Td ta="right">{s.unopenedVials}</Table.Td>
                    <Table.Td ta="right">{s.expectedDoses}</Table.Td>
                    <Table.Td ta="right">{s.openVials.length}</Table.Td>
                    <Table.Td>
                      {s.batches
                        .filter((b) => !b.expired && b.unopened > 0)
                        .map((b) => (
                          <Text key={b.deliveryId} size="sm">
                            {t('vaccinationSupply.stock.batch', { batch: b.batchNumber, product: b.productCode, expires: b.expiresOn, unopened: b.unopened })}
                          </Text>
                        ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </CaptionedTable>
          ) : null}
        </section>
        {coordinator ? <Forecasts /> : null}
      </Stack>
    </>
  );
}

function SuggestionText({ s }: { s: Suggestion }) {
  const { t } = useT();
  switch (s.kind) {
    case 'allocate':
      return <>{t('vaccinationSupply.shortages.allocate', { vials: s.vials, batch: s.batchNumber, product: s.productCode })}</>;
    case 'move':
      return <>{t('vaccinationSupply.shortages.move', { doses: s.doses, site: s.siteName })}</>;
    case 'rebook':
      return <>{t('vaccinationSupply.shortages.rebook', { doses: s.doses, day: s.day })}</>;
    case 'contact':
      return <>{t('vaccinationSupply.shortages.contact', { doses: s.doses })}</>;
  }
}

function ShortageCard({ site }: { site: ShortageSite }) {
  const { t } = useT();
  return (
    <>
      {site.days.map((d) => (
        <Alert key={d.day} color="orange" variant="light" mb="sm" title={t('vaccinationSupply.shortages.day', { site: site.siteName, day: d.day, uncovered: d.uncovered, booked: d.booked })}>
          <List size="sm" mb="xs">
            {d.slots.map((s) => (
              <List.Item key={s.slotId}>{t('vaccinationSupply.shortages.slot', { time: swedishClock(s.startsAt), count: s.uncovered })}</List.Item>
            ))}
          </List>
          <Text size="sm" fw={600}>
            {t('vaccinationSupply.shortages.whatToDo')}
          </Text>
          <List size="sm">
            {d.suggestions.map((s, i) => (
              <List.Item key={i}>
                <SuggestionText s={s} />
              </List.Item>
            ))}
          </List>
        </Alert>
      ))}
    </>
  );
}

function Forecasts() {
  const { t } = useT();
  const from = isoWeekOfDate(swedishDate(14));
  const to = isoWeekOfDate(swedishDate(-8 * 7));
  const forecasts = useForecasts(from, to);
  const products = useProducts();
  const record = useRecordForecast();
  const [productCode, setProductCode] = useState<string | null>(null);
  const [isoWeek, setIsoWeek] = useState(isoWeekOfDate(swedishDate(-7)));
  const [doses, setDoses] = useState<number | string>('');
  const [reason, setReason] = useState('');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    record.mutate({ productCode: productCode ?? '', isoWeek, doses: Number(doses), reason: reason || undefined });
  };
  return (
    <section>
      <Paper withBorder p="md" mb="md" component="form" onSubmit={submit} aria-labelledby="forecast-title">
        <Title id="forecast-title" order={2} size="h3" mb="sm">
          {t('vaccinationSupply.forecast.title')}
        </Title>
        <Group align="flex-end">
          <Select label={t('vaccinationSupply.forecast.product')} data={(products.data?.products ?? []).map((p) => ({ value: p.productCode, label: p.name }))} value={productCode} onChange={setProductCode} required />
          <TextInput type="week" label={t('vaccinationSupply.forecast.week')} value={isoWeek} onChange={(e) => setIsoWeek(e.currentTarget.value)} required />
          <NumberInput label={t('vaccinationSupply.forecast.doses')} value={doses} onChange={setDoses} min={0} required />
          <TextInput label={t('vaccinationSupply.forecast.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button type="submit" loading={record.isPending}>
            {t('vaccinationSupply.forecast.submit')}
          </Button>
        </Group>
        {record.error ? <ProblemAlert error={record.error} /> : null}
        {record.data ? (
          <Text role="status" mt="sm">
            {t('vaccinationSupply.forecast.saved', { week: isoWeek, doses: record.data.doses, version: record.data.version })}{' '}
            {record.data.scaledAllocations.length > 0 ? t('vaccinationSupply.forecast.scaled', { count: record.data.scaledAllocations.length }) : ''}
          </Text>
        ) : null}
      </Paper>
      {forecasts.data && forecasts.data.weeks.length > 0 ? (
        <CaptionedTable withTableBorder heading={t('vaccinationSupply.forecast.historyCaption')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('vaccinationSupply.forecast.week')}</Table.Th>
              <Table.Th>{t('vaccinationSupply.forecast.product')}</Table.Th>
              <Table.Th ta="right">{t('vaccinationSupply.forecast.current')}</Table.Th>
              <Table.Th ta="right">{t('vaccinationSupply.forecast.planned')}</Table.Th>
              <Table.Th ta="right">{t('vaccinationSupply.forecast.received')}</Table.Th>
              <Table.Th>{t('vaccinationSupply.forecast.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {forecasts.data.weeks.map((w) => (
              <Table.Tr key={`${w.productCode}-${w.isoWeek}`}>
                <Table.Td>{w.isoWeek}</Table.Td>
                <Table.Td>{w.productCode}</Table.Td>
                <Table.Td ta="right">{w.doses}</Table.Td>
                <Table.Td ta="right">{w.planned}</Table.Td>
                <Table.Td ta="right">{w.receivedDoses ?? '–'}</Table.Td>
                <Table.Td>
                  {w.history.map((h) => (
                    <Text key={h.version} size="sm">
                      {t('vaccinationSupply.forecast.change', { version: h.version, doses: h.doses, at: h.recordedAt.slice(0, 10), by: h.recordedBy, reason: h.reason ? ` – ${h.reason}` : '' })}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </CaptionedTable>
      ) : null}
    </section>
  );
}
