import { Paper, Stack, Title } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import type { Dose } from '../core/vaccinationApi.js';
import { AdverseEventForm, AdverseEventList } from './AdverseEvents.js';
import { usePersonAdverseEvents } from './api.js';

/** On the vaccinator's person page: the person's reports with their receipts, and the form to report one. */
export function PersonAdverseEvents({ personId, doses }: { personId: string; doses: Dose[] }) {
  const { t } = useT();
  const reports = usePersonAdverseEvents(personId);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="adverse-heading">
      <Title order={2} size="h3" id="adverse-heading" mb="sm">
        {t('vaccination.adverse.heading')}
      </Title>
      <Stack gap="md">
        {reports.isError && <ProblemAlert error={reports.error} />}
        {reports.data && <AdverseEventList reports={reports.data.reports} />}
        <AdverseEventForm doses={doses} personId={personId} />
      </Stack>
    </Paper>
  );
}
