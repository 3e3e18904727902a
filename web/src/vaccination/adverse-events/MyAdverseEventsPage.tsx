import { NativeSelect, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { useMyVaccination } from '../core/vaccinationApi.js';
import { AdverseEventForm, AdverseEventList } from './AdverseEvents.js';
import { useMyAdverseEvents } from './api.js';

/** `/vaccination/adverse-event` (citizen): report a suspected adverse event after their own or their child's dose, and see the reports made. */
export function MyAdverseEventsPage() {
  const { t } = useT();
  const my = useMyVaccination();
  const reports = useMyAdverseEvents();
  const people = my.data ? [{ ...my.data.me, name: t('vaccination.my.meHeading') }, ...my.data.children] : [];
  const [personId, setPersonId] = useState<string | null>(null);
  const person = people.find((p) => p.personId === personId) ?? people[0];
  return (
    <>
      <PageHeading title={t('vaccination.adverse.report')} />
      {(my.isPending || reports.isPending) && <PageLoader />}
      {my.isError && <ProblemAlert error={my.error} onRetry={() => void my.refetch()} />}
      {reports.isError && <ProblemAlert error={reports.error} onRetry={() => void reports.refetch()} />}
      {person && (
        <Stack gap="lg" maw={820}>
          {people.length > 1 && <NativeSelect label={t('vaccination.adverse.dose')} value={person.personId} onChange={(e) => setPersonId(e.currentTarget.value)} data={people.map((p) => ({ value: p.personId, label: p.name }))} maw={360} />}
          <AdverseEventForm key={person.personId} doses={person.doses} personId={null} />
          <Title order={2} size="h3">
            {t('vaccination.adverse.heading')}
          </Title>
          {reports.data && <AdverseEventList reports={reports.data.reports} />}
        </Stack>
      )}
    </>
  );
}
