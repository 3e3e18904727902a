import { Alert, Stack, Text } from '@mantine/core';
import { useActor } from '../../ActorContext.js';
import { isApiError } from '../../api.js';
import { DateTime } from '../../components/DateTime.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { NotFoundPage } from '../../pages/NotFoundPage.js';
import { AnswersSummary } from './AnswersSummary.js';
import { QuestionnaireForm } from './QuestionnaireForm.js';
import { useMyQuestionnaire, type MyQuestionnaire } from './questionnaireApi.js';

/**
 * `/tracing/questionnaire`, the link in the message a citizen gets with a positive result. Citizens have
 * no tracing section in the navigation (most never have a case), so routes.tsx mounts this page on its own.
 */
export function CitizenQuestionnaireRoute() {
  const { role } = useActor();
  return role === 'citizen' ? <QuestionnairePage /> : <NotFoundPage />;
}

function QuestionnairePage() {
  const { t } = useT();
  const my = useMyQuestionnaire();
  const noCase = isApiError(my.error) && my.error.status === 404;
  return (
    <>
      <PageHeading title={t('tracing.questionnaire.title')} />
      {my.isPending && <PageLoader />}
      {noCase && (
        <Alert color="blue" variant="light" role="status" maw={720}>
          {t('tracing.questionnaire.noCase')}
        </Alert>
      )}
      {my.isError && !noCase && <ProblemAlert error={my.error} onRetry={() => void my.refetch()} />}
      {my.data && (my.data.submittedAt ? <Submitted questionnaire={my.data} submittedAt={my.data.submittedAt} /> : <Unsubmitted questionnaire={my.data} />)}
    </>
  );
}

function Unsubmitted({ questionnaire }: { questionnaire: MyQuestionnaire }) {
  const { t } = useT();
  return (
    <>
      <Text mb="xs" maw={720}>
        {t('tracing.questionnaire.intro')}
      </Text>
      {questionnaire.dueAt && (
        <Text mb="md" fw={600}>
          {t('tracing.questionnaire.dueAt')} <DateTime iso={questionnaire.dueAt} />
        </Text>
      )}
      <QuestionnaireForm questionnaire={questionnaire} />
    </>
  );
}

function Submitted({ questionnaire, submittedAt }: { questionnaire: MyQuestionnaire; submittedAt: string }) {
  const { t } = useT();
  return (
    <Stack gap="md" maw={820}>
      <Alert color="green" variant="light" role="status" title={t('tracing.questionnaire.thanks')}>
        {t('tracing.questionnaire.submittedAt')} <DateTime iso={submittedAt} />. {t('tracing.questionnaire.whatNext')}
      </Alert>
      <AnswersSummary answers={questionnaire.answers} />
    </Stack>
  );
}
