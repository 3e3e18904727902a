import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, Radio, Stack, TextInput } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { SYMPTOMS, type CheckInAnswer, type Symptom } from './followUpApi.js';

interface Props {
  onSubmit: (answer: CheckInAnswer) => void;
  pending: boolean;
  error: unknown;
  submitLabel: string;
  /** The contact answers in the first person; the tracer records what was said on the phone. */
  voice?: 'contact' | 'tracer';
}

/** The day's two questions: symptoms (yes/no and which, from the fixed list) and a test taken (yes/no and its day). */
export function CheckInForm({ onSubmit, pending, error, submitLabel, voice = 'contact' }: Props) {
  const { t } = useT();
  const [hasSymptoms, setHasSymptoms] = useState<'yes' | 'no' | ''>('');
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [tested, setTested] = useState<'yes' | 'no' | ''>('');
  const [testDate, setTestDate] = useState('');
  const q = voice === 'tracer' ? 'tracing.checkIn.tracerQuestions' : 'tracing.checkIn.questions';
  const complete = hasSymptoms !== '' && tested !== '' && (hasSymptoms === 'no' || symptoms.length > 0) && (tested === 'no' || testDate !== '');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({ hasSymptoms: hasSymptoms === 'yes', symptoms: hasSymptoms === 'yes' ? symptoms : [], tested: tested === 'yes', testDate: tested === 'yes' ? testDate : null });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Radio.Group label={t(`${q}.symptoms`)} value={hasSymptoms} onChange={(v) => setHasSymptoms(v as 'yes' | 'no')} required>
          <Group gap="md" mt={4}>
            <Radio value="yes" label={t('tracing.checkIn.yes')} />
            <Radio value="no" label={t('tracing.checkIn.no')} />
          </Group>
        </Radio.Group>
        {hasSymptoms === 'yes' && (
          <Checkbox.Group label={t('tracing.checkIn.which')} value={symptoms} onChange={(v) => setSymptoms(v as Symptom[])} required>
            <Stack gap={4} mt={4}>
              {SYMPTOMS.map((s) => (
                <Checkbox key={s} value={s} label={t(`tracing.checkIn.symptom.${s}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Radio.Group label={t(`${q}.tested`)} value={tested} onChange={(v) => setTested(v as 'yes' | 'no')} required>
          <Group gap="md" mt={4}>
            <Radio value="yes" label={t('tracing.checkIn.yes')} />
            <Radio value="no" label={t('tracing.checkIn.no')} />
          </Group>
        </Radio.Group>
        {tested === 'yes' && <TextInput type="date" label={t('tracing.checkIn.testDate')} value={testDate} onChange={(e) => setTestDate(e.currentTarget.value)} required maw={220} />}
        {error != null && <ProblemAlert error={error} />}
        <div>
          <Button type="submit" loading={pending} disabled={!complete}>
            {submitLabel}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
