import { List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT, type TypedT } from '../../i18n/useT.js';
import { Facts } from '../Facts.js';
import type { QuestionnaireAnswers } from './answers.js';
import { settingText } from './settingText.js';

/** The questionnaire's answers, read-only: for the tracer on the case, and for the citizen before and after submitting. */
export function AnswersSummary({ answers }: { answers: QuestionnaireAnswers }) {
  const { t } = useT();
  const symptoms = answers.noSymptoms ? t('tracing.answers.noSymptoms') : (answers.symptomOnset ?? t('tracing.answers.notAnswered'));
  return (
    <Stack gap="sm">
      <Facts
        facts={[
          { label: t('tracing.answers.symptomOnset'), value: symptoms },
          { label: t('tracing.answers.travel'), value: travelText(t, answers) },
        ]}
      />
      <AnswerList title={t('tracing.answers.household')} items={(answers.household ?? []).map((m) => ({ key: m.id, text: [m.name, m.identityNumber, m.phone].filter(Boolean).join(', ') }))} />
      <AnswerList
        title={t('tracing.answers.closeContacts')}
        items={(answers.closeContacts ?? []).map((c) => ({ key: c.id, text: [c.name, c.phone, c.context, c.lastContact].filter(Boolean).join(', ') }))}
      />
      <AnswerList title={t('tracing.answers.settings')} items={(answers.settings ?? []).map((s, i) => ({ key: `${s.kind}-${i}`, text: settingText(t, s) }))} />
    </Stack>
  );
}

function travelText(t: TypedT, answers: QuestionnaireAnswers): string {
  if (answers.travelledAbroad === undefined) return t('tracing.answers.notAnswered');
  return answers.travelledAbroad ? t('tracing.answers.travelledTo', { country: answers.travelCountry ?? '–' }) : t('tracing.answers.noTravel');
}

function AnswerList({ title, items }: { title: string; items: { key: string; text: ReactNode }[] }) {
  const { t } = useT();
  return (
    <div>
      <Title order={3} size="h5">
        {title}
      </Title>
      {items.length === 0 ? (
        <Text size="sm">{t('tracing.answers.none')}</Text>
      ) : (
        <List size="sm">
          {items.map((item) => (
            <List.Item key={item.key}>{item.text}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
