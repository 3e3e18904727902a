import { Anchor, Grid, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useActor } from '../../ActorContext.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useT } from '../../i18n/useT.js';
import { QueryStatus } from '../QueryStatus.js';
import { CallPanel } from './CallPanel.js';
import { CaseSummary } from './CaseSummary.js';
import { ClassificationPanel } from './ClassificationPanel.js';
import { CloseCasePanel } from './CloseCasePanel.js';
import { ContactsPanel } from './ContactsPanel.js';
import { NotesPanel } from './NotesPanel.js';
import { QuestionnaireAnswersPanel } from './QuestionnaireAnswersPanel.js';
import { SmiNetPanel } from './SmiNetPanel.js';
import { useCaseFile } from './caseApi.js';

/** `/tracing/cases/:id`: one case, worked by its tracer or coordinator and read by Smittskydd. */
export function CasePage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const { role } = useActor();
  const file = useCaseFile(id);
  const data = file.data;
  if (!data) {
    return (
      <>
        <PageHeading title={t('tracing.case.title')} />
        <QueryStatus query={file} />
      </>
    );
  }
  const c = data.case;
  const editable = c.status === 'open' && (role === 'tracer' || role === 'tracing_coordinator');
  return (
    <>
      <PageHeading title={t('tracing.case.heading', { name: c.name })} />
      <Anchor component={Link} to="/tracing" mb="md" display="inline-block">
        {t('tracing.case.back')}
      </Anchor>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <CaseSummary file={data} />
            <ClassificationPanel tracingCase={c} editable={editable} />
            <QuestionnaireAnswersPanel questionnaire={data.questionnaire} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <CallPanel tracingCase={c} calls={data.calls} editable={editable} />
            <NotesPanel caseId={c.id} notes={data.notes} adviceOptions={data.adviceOptions} editable={editable} />
            <SmiNetPanel caseId={c.id} notification={data.notification} editable={editable} />
            <CloseCasePanel tracingCase={c} hasNotification={data.notification !== null} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={12}>
          <ContactsPanel tracingCase={c} contacts={data.contacts} editable={editable} />
        </Grid.Col>
      </Grid>
    </>
  );
}
