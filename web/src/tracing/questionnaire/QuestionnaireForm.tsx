import { useState, type ReactNode } from 'react';
import { Button, Group, Stepper, Stack, Text, Title } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT, type TKey } from '../../i18n/useT.js';
import { useIsMobile } from '../../useIsMobile.js';
import type { QuestionnaireAnswers } from './answers.js';
import { AnswersSummary } from './AnswersSummary.js';
import type { MyQuestionnaire } from './questionnaireApi.js';
import { CloseContactsStep, HouseholdStep, SettingsStep, SymptomsStep, TravelStep, type StepProps } from './QuestionnaireSteps.js';
import { SaveStatus } from './SaveStatus.js';
import { useProgressiveSave } from './useProgressiveSave.js';

const STEPS: readonly { title: TKey; Step: (props: StepProps) => ReactNode }[] = [
  { title: 'tracing.questionnaire.steps.symptoms', Step: SymptomsStep },
  { title: 'tracing.questionnaire.steps.household', Step: HouseholdStep },
  { title: 'tracing.questionnaire.steps.closeContacts', Step: CloseContactsStep },
  { title: 'tracing.questionnaire.steps.settings', Step: SettingsStep },
  { title: 'tracing.questionnaire.steps.travel', Step: TravelStep },
];
const REVIEW = STEPS.length;

/** The answers to start from: what was saved, or, before the first save, the household the register knows of. */
function startingAnswers(questionnaire: MyQuestionnaire): QuestionnaireAnswers {
  if (questionnaire.answers.household !== undefined) return questionnaire.answers;
  return { ...questionnaire.answers, household: questionnaire.household.map((m) => ({ id: crypto.randomUUID(), name: m.name })) };
}

/** The questionnaire in steps, saved as the citizen goes, submitted from the last step. */
export function QuestionnaireForm({ questionnaire }: { questionnaire: MyQuestionnaire }) {
  const { t } = useT();
  const mobile = useIsMobile();
  const [answers, setAnswers] = useState(() => startingAnswers(questionnaire));
  const [active, setActive] = useState(0);
  const saving = useProgressiveSave(answers, questionnaire.answers);
  const savedAt = saving.savedAt ?? questionnaire.savedAt;

  const goTo = (step: number) => {
    saving.saveNow();
    setActive(step);
  };
  const change = (patch: Partial<QuestionnaireAnswers>) => setAnswers((current) => ({ ...current, ...patch }));
  const title = active === REVIEW ? t('tracing.questionnaire.steps.review') : t(STEPS[active]!.title);
  const Step = STEPS[active]?.Step;

  return (
    <Stack gap="md" maw={820}>
      <Stepper active={active} onStepClick={goTo} size="sm" iconSize={mobile ? 28 : 36} allowNextStepsSelect={false}>
        {STEPS.map((s) => (
          <Stepper.Step key={s.title} label={mobile ? undefined : t(s.title)} aria-label={t(s.title)} />
        ))}
        <Stepper.Step label={mobile ? undefined : t('tracing.questionnaire.steps.review')} aria-label={t('tracing.questionnaire.steps.review')} />
      </Stepper>
      <form onBlur={saving.saveSoon} onSubmit={(e) => e.preventDefault()} aria-labelledby="questionnaire-step-heading" noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="questionnaire-step-heading">
            {t('tracing.questionnaire.stepOf', { n: active + 1, count: REVIEW + 1, title })}
          </Title>
          {Step ? <Step answers={answers} onChange={change} /> : <Review answers={answers} />}
          <SaveStatus saving={saving.saving} dirty={saving.dirty} savedAt={savedAt} />
          {saving.error && <ProblemAlert error={saving.error} />}
          <Group justify="space-between">
            {active > 0 ? (
              <Button variant="default" onClick={() => goTo(active - 1)}>
                {t('tracing.questionnaire.back')}
              </Button>
            ) : (
              <span />
            )}
            {active < REVIEW ? (
              <Button onClick={() => goTo(active + 1)}>{t('tracing.questionnaire.next')}</Button>
            ) : (
              <Button onClick={saving.submit} loading={saving.saving}>
                {t('tracing.questionnaire.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function Review({ answers }: { answers: QuestionnaireAnswers }) {
  const { t } = useT();
  return (
    <>
      <Text>{t('tracing.questionnaire.reviewIntro')}</Text>
      <AnswersSummary answers={answers} />
    </>
  );
}
