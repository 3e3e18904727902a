import { useMemo, useState } from 'react';
import { Badge, Button, NativeSelect, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { stationsOf } from './stations.js';
import { useSlots } from './testingApi.js';
import { timeRange, todayInSweden } from './time.js';
import { DataTable } from '../components/DataTable.js';

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** `/testing` for a sampler: the day's sampling times per station, with bookings against capacity. */
export function SamplerDayPage() {
  const { t } = useT();
  const [date, setDate] = useState(todayInSweden());
  const [stationId, setStationId] = useState<string | null>(null);
  const slots = useSlots(isDate(date) ? date : null);
  const all = slots.data?.slots ?? [];
  const stations = useMemo(() => stationsOf(all), [all]);
  const station = stations.find((s) => s.id === stationId) ?? stations[0] ?? null;
  const shown = station ? all.filter((s) => s.stationId === station.id).sort((a, b) => a.startsAt.localeCompare(b.startsAt)) : [];
  const stationLabel = (s: { id: string; n: number }) => t('testing.sampler.stationName', { n: s.n, id: s.id.slice(0, 8) });

  return (
    <>
      <PageHeading title={t('testing.sampler.dayTitle')} />
      <Text mb="lg" maw={720}>
        {t('testing.sampler.dayIntro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={620} mb="md">
        <TextInput type="date" label={t('testing.sampler.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
        <NativeSelect
          label={t('testing.sampler.station')}
          value={station?.id ?? ''}
          onChange={(e) => setStationId(e.currentTarget.value)}
          data={stations.map((s) => ({ value: s.id, label: stationLabel(s) }))}
          disabled={stations.length === 0}
        />
      </SimpleGrid>
      {slots.isPending && slots.fetchStatus !== 'idle' && <PageLoader />}
      {slots.isError && <ProblemAlert error={slots.error} onRetry={() => void slots.refetch()} />}
      {slots.data && shown.length === 0 && <Text>{t('testing.sampler.noSlots')}</Text>}
      {station && shown.length > 0 && (
        <DataTable minWidth={480} frameMaw={820} striped captionSide="top">
            <Table.Caption>{t('testing.sampler.slotsCaption', { station: stationLabel(station), date })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('testing.sampler.columns.time')}</Table.Th>
                <Table.Th scope="col">{t('testing.sampler.columns.testType')}</Table.Th>
                <Table.Th scope="col">{t('testing.sampler.columns.booked')}</Table.Th>
                <Table.Th scope="col">{t('testing.sampler.columns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((slot) => {
                const time = timeRange(slot.startsAt, slot.endsAt);
                const full = slot.booked >= slot.capacity;
                return (
                  <Table.Tr key={slot.id}>
                    <Table.Th scope="row" fw={500}>
                      {time}
                    </Table.Th>
                    <Table.Td>{t(`testing.testTypes.${slot.testType}`)}</Table.Td>
                    <Table.Td>
                      {t('testing.sampler.bookedOf', { booked: slot.booked, capacity: slot.capacity })}{' '}
                      {full && (
                        <Badge color="gray" variant="light">
                          {t('testing.sampler.full')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {!full && (
                        <Button
                          component={Link}
                          to={`/testing/book?date=${date}&station=${slot.stationId}&slot=${slot.id}`}
                          size="xs"
                          variant="light"
                          aria-label={t('testing.sampler.bookLabel', { time })}
                        >
                          {t('testing.sampler.book')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </DataTable>
      )}
    </>
  );
}
