import { Anchor, Badge, NativeSelect, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { vaccineName } from './BookingCard.js';
import { swedishClock, today } from './format.js';
import { useAppointments, useSites } from './vaccinationApi.js';
import { DataTable } from '../../components/DataTable.js';

/** `/vaccination` for a vaccinator: the day's bookings at a site, each with a link to record the dose. */
export function DayPage() {
  const { t } = useT();
  const sites = useSites();
  const list = sites.data?.sites ?? [];
  const [siteId, setSiteId] = useState<string | null>(null);
  const [date, setDate] = useState(today());
  const site = list.find((s) => s.id === siteId) ?? list.find((s) => s.bookable) ?? null;
  const day = useAppointments(site?.id ?? null, date);
  const rows = day.data?.appointments ?? [];
  return (
    <>
      <PageHeading title={t('vaccination.day.title')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720} mb="lg">
        <NativeSelect label={t('vaccination.book.site')} value={site?.id ?? ''} onChange={(e) => setSiteId(e.currentTarget.value)} data={list.map((s) => ({ value: s.id, label: s.name }))} />
        <TextInput type="date" label={t('vaccination.book.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} />
      </SimpleGrid>
      {day.isError && <ProblemAlert error={day.error} />}
      {day.isSuccess && rows.length === 0 && <Text role="status">{t('vaccination.day.none')}</Text>}
      {rows.length > 0 && (
        <DataTable minWidth={640} aria-label={t('vaccination.day.tableLabel', { site: site?.name ?? '', date })} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vaccination.day.time')}</Table.Th>
                <Table.Th>{t('vaccination.day.name')}</Table.Th>
                <Table.Th>{t('vaccination.day.identityNumber')}</Table.Th>
                <Table.Th>{t('vaccination.my.vaccine')}</Table.Th>
                <Table.Th>{t('vaccination.my.dose')}</Table.Th>
                <Table.Th>{t('vaccination.day.status')}</Table.Th>
                <Table.Th>{t('vaccination.day.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.bookingId}>
                  <Table.Td>{swedishClock(a.startsAt)}</Table.Td>
                  <Table.Th scope="row">{a.name}</Table.Th>
                  <Table.Td>{a.identityNumber ?? '–'}</Table.Td>
                  <Table.Td>{vaccineName(t, a.vaccine)}</Table.Td>
                  <Table.Td>{a.doseNumber}</Table.Td>
                  <Table.Td>
                    <Badge color={a.status === 'attended' ? 'green' : a.status === 'cancelled' ? 'gray' : 'blue'}>{t(`vaccination.status.${a.status}`)}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {a.status === 'booked' && (
                      <Anchor component={Link} to={`/vaccination/person?id=${a.personId}&booking=${a.bookingId}&site=${site?.id ?? ''}&vaccine=${a.vaccine}`}>
                        {t('vaccination.day.record', { name: a.name })}
                      </Anchor>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
      )}
    </>
  );
}
