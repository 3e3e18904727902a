import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { bookingLabel, vaccineName } from './BookingCard.js';
import { BookingList } from './BookingList.js';
import { swedishDay } from './format.js';
import { useMyVaccination, type Eligibility, type PersonRecord, type RecordBooking } from './vaccinationApi.js';
import { DataTable } from '../../components/DataTable.js';

/** What the recommendation offers for one vaccine; once that dose is booked, the booking instead of an offer to book. */
function EligibilityCard({ e, personId, self, booked }: { e: Eligibility; personId: string; self: boolean; booked: RecordBooking | undefined }) {
  const { t } = useT();
  const name = vaccineName(t, e.vaccine);
  return (
    <Paper withBorder p="sm" component="article" aria-label={t('vaccination.my.eligibilityFor', { vaccine: name })}>
      <Group justify="space-between" mb={4}>
        <Text fw={600}>{name}</Text>
        <Badge color={booked ? 'blue' : e.eligible ? 'green' : e.from ? 'yellow' : 'gray'}>
          {booked
            ? t('vaccination.my.bookedBadge', { dose: booked.doseNumber })
            : e.eligible
              ? t('vaccination.my.eligibleNow', { dose: e.doseNumber ?? '' })
              : e.from
                ? t('vaccination.my.eligibleFrom', { date: e.from })
                : t('vaccination.my.notEligible')}
        </Badge>
      </Group>
      <Text size="sm">{e.reason}</Text>
      {booked ? (
        <Text size="sm" mt="xs">
          {t('vaccination.my.bookedAt', { label: bookingLabel(t, booked), site: booked.siteName })}
        </Text>
      ) : (
        (e.eligible || e.from) && (
          <Button component={Link} to={`/vaccination/book?vaccine=${e.vaccine}${self ? '' : `&person=${personId}`}`} size="xs" mt="sm" variant="light">
            {t('vaccination.my.bookVaccine', { vaccine: name })}
          </Button>
        )
      )}
    </Paper>
  );
}

/** The live booking of the dose the recommendation offers next, if the person has booked it. */
const bookedDose = (record: PersonRecord, e: Eligibility) => record.bookings.find((b) => b.status === 'booked' && b.vaccine === e.vaccine && b.doseNumber === e.doseNumber);

function PersonSection({ record, self }: { record: PersonRecord; self: boolean }) {
  const { t } = useT();
  const headingId = `person-${record.personId}`;
  const moveLink = (b: RecordBooking) => (
    <Button component={Link} to={`/vaccination/book?move=${b.id}&vaccine=${b.vaccine}${self ? '' : `&person=${record.personId}`}`} size="xs" variant="light">
      {t('vaccination.bookings.move')}
    </Button>
  );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {self ? t('vaccination.my.meHeading') : t('vaccination.my.childHeading', { name: record.name, age: record.age ?? '' })}
      </Title>
      <Stack gap="sm">
        <EligibilityCard e={record.eligibility.covid} personId={record.personId} self={self} booked={bookedDose(record, record.eligibility.covid)} />
        <EligibilityCard e={record.eligibility.influenza} personId={record.personId} self={self} booked={bookedDose(record, record.eligibility.influenza)} />
        <BookingList bookings={record.bookings} own move={moveLink} />
        <Title order={3} size="h4" mt="sm">
          {t('vaccination.my.dosesHeading')}
        </Title>
        {record.doses.length === 0 ? (
          <Text size="sm">{t('vaccination.my.noDoses')}</Text>
        ) : (
          <DataTable minWidth={480} aria-label={t('vaccination.my.dosesHeading')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('vaccination.my.date')}</Table.Th>
                  <Table.Th>{t('vaccination.my.vaccine')}</Table.Th>
                  <Table.Th>{t('vaccination.my.dose')}</Table.Th>
                  <Table.Th>{t('vaccination.my.product')}</Table.Th>
                  <Table.Th>{t('vaccination.my.where')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {record.doses.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{swedishDay(d.administeredAt)}</Table.Td>
                    <Table.Td>{vaccineName(t, d.vaccine)}</Table.Td>
                    <Table.Td>{d.doseNumber}</Table.Td>
                    <Table.Td>
                      {d.productName} ({d.batchNumber})
                    </Table.Td>
                    <Table.Td>{d.siteName ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
        )}
        {record.doses.length > 0 && (
          <div>
            <Button component={Link} to="/vaccination/adverse-event" size="xs" variant="light">
              {t('vaccination.my.reportAdverseEvent')}
            </Button>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

/** `/vaccination` for a citizen: eligibility with the reason, bookings to move or cancel, vaccinations given; also for their children. */
export function MyVaccinationPage() {
  const { t } = useT();
  const my = useMyVaccination();
  return (
    <>
      <PageHeading title={t('vaccination.my.title')} />
      {my.isPending && <PageLoader />}
      {my.isError && <ProblemAlert error={my.error} onRetry={() => void my.refetch()} />}
      {my.data && (
        <Stack gap="xl" maw={820}>
          <PersonSection record={my.data.me} self />
          {my.data.children.map((c) => (
            <PersonSection key={c.personId} record={c} self={false} />
          ))}
        </Stack>
      )}
    </>
  );
}
