import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api.js';
import { DateTime } from '../../components/DateTime.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { CASE_OUTCOMES, CLASSIFICATIONS, useClassifyCase, type CaseDetail, type CaseOutcome, type Classification } from './caseApi.js';

/** The case's classification and outcome (who decided, when), its symptom onset, and the infectious period they give. */
export function ClassificationPanel({ tracingCase: c, editable }: { tracingCase: CaseDetail; editable: boolean }) {
  const { t } = useT();
  const p = c.infectiousPeriod;
  const basis = p.basis === 'onset' ? t('tracing.case.classification.fromOnset') : p.provisional ? t('tracing.case.classification.provisional') : t('tracing.case.classification.fromSample');
  return (
    <CasePanel id="case-classification" title={t('tracing.case.classification.title')}>
      <Stack gap="sm">
        <Text>
          <strong>{t('tracing.case.classification.period')}:</strong> {p.from} – {p.to} ({basis}; {t('tracing.case.classification.rule', { from: p.ruleValidFrom })})
        </Text>
        <Text size="sm">
          {t(`tracing.case.classification.values.${c.classification}`)}
          {c.outcome && ` · ${t(`tracing.case.classification.outcomes.${c.outcome}`)}`}
          {' · '}
          {c.classifiedAt ? (
            <>
              {t('tracing.case.classification.by', { name: c.classifiedByName ?? '' })} <DateTime iso={c.classifiedAt} />
            </>
          ) : (
            t('tracing.case.classification.byLab')
          )}
        </Text>
        {editable && <ClassifyForm tracingCase={c} />}
      </Stack>
    </CasePanel>
  );
}

function ClassifyForm({ tracingCase: c }: { tracingCase: CaseDetail }) {
  const { t } = useT();
  const classify = useClassifyCase(c.id);
  const [form, setForm] = useState<{ classification: Classification; outcome: CaseOutcome | ''; symptomOnset: string; noSymptoms: boolean }>({
    classification: c.classification,
    outcome: c.outcome ?? '',
    symptomOnset: c.symptomOnset ?? '',
    noSymptoms: c.noSymptoms,
  });
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fieldError = (field: string) => (isApiError(classify.error) ? classify.error.fieldErrors.find((e) => e.field === field)?.message : undefined);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    classify.mutate({
      classification: form.classification,
      outcome: form.outcome === '' ? null : form.outcome,
      symptomOnset: form.noSymptoms || form.symptomOnset === '' ? null : form.symptomOnset,
      noSymptoms: form.noSymptoms,
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('tracing.case.classification.formLabel')}>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <NativeSelect
            label={t('tracing.case.classification.classification')}
            value={form.classification}
            onChange={(e) => set('classification', e.currentTarget.value as Classification)}
            data={CLASSIFICATIONS.map((v) => ({ value: v, label: t(`tracing.case.classification.values.${v}`) }))}
            error={fieldError('classification')}
          />
          <NativeSelect
            label={t('tracing.case.classification.outcome')}
            value={form.outcome}
            onChange={(e) => set('outcome', e.currentTarget.value as CaseOutcome | '')}
            data={[{ value: '', label: t('tracing.case.classification.noOutcome') }, ...CASE_OUTCOMES.map((v) => ({ value: v, label: t(`tracing.case.classification.outcomes.${v}`) }))]}
          />
        </Group>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('tracing.case.classification.symptomOnset')}
            value={form.symptomOnset}
            disabled={form.noSymptoms}
            onChange={(e) => set('symptomOnset', e.currentTarget.value)}
            error={fieldError('symptomOnset')}
          />
          <Checkbox label={t('tracing.case.classification.noSymptoms')} checked={form.noSymptoms} onChange={(e) => set('noSymptoms', e.currentTarget.checked)} mb={8} />
        </Group>
        <Group>
          <Button type="submit" loading={classify.isPending}>
            {t('tracing.case.classification.save')}
          </Button>
        </Group>
        {classify.isError && <ProblemAlert error={classify.error} />}
      </Stack>
    </form>
  );
}
