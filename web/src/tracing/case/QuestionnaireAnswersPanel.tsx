import { Stack, Text } from '@mantine/core';
import { DateTime } from '../../components/DateTime.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { AnswersSummary } from '../questionnaire/AnswersSummary.js';
import type { CaseQuestionnaire } from './caseApi.js';

/** What the index answered in the questionnaire, read-only for the tracer. */
export function QuestionnaireAnswersPanel({ questionnaire }: { questionnaire: CaseQuestionnaire | null }) {
  const { t } = useT();
  return (
    <CasePanel id="case-questionnaire" title={t('tracing.case.questionnaire.title')}>
      {questionnaire === null ? (
        <Text>{t('tracing.case.questionnaire.none')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {questionnaire.submittedAt ? (
              <>
                {t('tracing.case.questionnaire.submittedAt')} <DateTime iso={questionnaire.submittedAt} />
              </>
            ) : (
              <>
                {t('tracing.case.questionnaire.savedAt')} <DateTime iso={questionnaire.savedAt} />
              </>
            )}
          </Text>
          <AnswersSummary answers={questionnaire.answers} />
        </Stack>
      )}
    </CasePanel>
  );
}
