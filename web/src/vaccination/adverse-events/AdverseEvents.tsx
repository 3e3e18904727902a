import { Alert, Badge, Button, Checkbox, Group, NativeSelect, Paper, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT.js';
import { vaccineName } from '../core/BookingCard.js';
import { fieldErrorOf } from '../core/fieldErrors.js';
import { dayAndTime, swedishDay } from '../core/format.js';
import { Problem } from '../core/Problem.js';
import type { Dose } from '../core/vaccinationApi.js';
import { useAdverseEventTerms, useReportAdverseEvent, type AdverseEvent } from './api.js';

/**
 * The report of a suspected adverse event after one of `doses`: symptoms from the fixed list, when they began,
 * and whether it is serious (with why). `personId` for the vaccinator; the citizen reports without it.
 */
export function AdverseEventForm({ doses, personId }: { doses: Dose[]; personId: string | null }) {
  const { t, language } = useT();
  const terms = useAdverseEventTerms();
  const report = useReportAdverseEvent(personId);
  const errorOf = fieldErrorOf(report.error);
  const [chosenDose, setDoseId] = useState('');
  const [symptoms, setSymptoms] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [onsetAt, setOnsetAt] = useState('');
  const [serious, setSerious] = useState(false);
  const [criteria, setCriteria] = useState<string[]>([]);
  if (doses.length === 0) return <Text size="sm">{t('vaccination.adverse.noDoses')}</Text>;
  // The latest dose unless another is chosen (a dose recorded on this page arrives after the form is shown).
  const doseId = chosenDose || doses.at(-1)!.id;
  const label = (term: { sv: string; en: string }) => (language === 'sv' ? term.sv : term.en);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const onset = new Date(onsetAt);
    report.mutate(
      { doseId, symptoms, ...(description.trim() ? { description: description.trim() } : {}), onsetAt: Number.isNaN(onset.getTime()) ? onsetAt : onset.toISOString(), serious, seriousCriteria: serious ? criteria : [] },
      { onSuccess: () => (setSymptoms([]), setDescription(''), setSerious(false), setCriteria([])) },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="adverse-form-heading">
      <Title order={3} size="h4" id="adverse-form-heading">
        {t('vaccination.adverse.formHeading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('vaccination.adverse.intro')}
      </Text>
      <Stack gap="sm">
        <NativeSelect
          label={t('vaccination.adverse.dose')}
          value={doseId}
          onChange={(e) => setDoseId(e.currentTarget.value)}
          error={errorOf('doseId')}
          data={doses.map((d) => ({ value: d.id, label: t('vaccination.adverse.doseLabel', { vaccine: vaccineName(t, d.vaccine), dose: d.doseNumber, date: swedishDay(d.administeredAt), product: d.productName, batch: d.batchNumber }) }))}
        />
        <Checkbox.Group label={t('vaccination.adverse.symptoms')} value={symptoms} onChange={setSymptoms} error={errorOf('symptoms')}>
          <Group gap="xs" mt={4}>
            {(terms.data?.symptoms ?? []).map((s) => (
              <Checkbox key={s.code} value={s.code} label={label(s)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Textarea label={t('vaccination.adverse.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={errorOf('description')} maxLength={2000} />
        <TextInput type="datetime-local" label={t('vaccination.adverse.onsetAt')} value={onsetAt} onChange={(e) => setOnsetAt(e.currentTarget.value)} error={errorOf('onsetAt')} required maw={260} />
        <Switch label={t('vaccination.adverse.serious')} checked={serious} onChange={(e) => setSerious(e.currentTarget.checked)} />
        {serious && (
          <Checkbox.Group label={t('vaccination.adverse.seriousCriteria')} value={criteria} onChange={setCriteria} error={errorOf('seriousCriteria')}>
            <Group gap="xs" mt={4}>
              {(terms.data?.seriousCriteria ?? []).map((c) => (
                <Checkbox key={c.code} value={c.code} label={label(c)} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        {report.isError && <Problem error={report.error} />}
        {report.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('vaccination.adverse.sent')}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={report.isPending} disabled={!onsetAt}>
            {t('vaccination.adverse.submit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}

/** Reports made, each with where it stands: waiting for the outbox, or Läkemedelsverket's receipt. */
export function AdverseEventList({ reports }: { reports: AdverseEvent[] }) {
  const { t, language } = useT();
  const terms = useAdverseEventTerms();
  const term = (code: string) => {
    const found = [...(terms.data?.symptoms ?? []), ...(terms.data?.seriousCriteria ?? [])].find((x) => x.code === code);
    return found ? (language === 'sv' ? found.sv : found.en) : code;
  };
  if (reports.length === 0) return <Text size="sm">{t('vaccination.adverse.none')}</Text>;
  return (
    <Stack gap="xs">
      {reports.map((r) => {
        const name = t('vaccination.adverse.reportLabel', { vaccine: vaccineName(t, r.dose.vaccine), dose: r.dose.doseNumber });
        return (
          <Paper key={r.id} withBorder p="sm" component="article" aria-label={name}>
            <Group justify="space-between">
              <Text fw={600}>{name}</Text>
              {r.serious && <Badge color="red">{t('vaccination.adverse.seriousBadge')}</Badge>}
            </Group>
            <Text size="sm">
              {r.symptoms.map(term).join(', ')}
              {r.seriousCriteria.length > 0 ? ` (${r.seriousCriteria.map(term).join(', ')})` : ''}
            </Text>
            {r.description && <Text size="sm">{r.description}</Text>}
            <Text size="sm">{t('vaccination.adverse.onset', { time: dayAndTime(r.onsetAt) })}</Text>
            <Text size="sm" c={r.status === 'failed' ? 'red' : r.status === 'received' ? 'green.8' : 'dimmed'}>
              {r.status === 'received' && r.receipt
                ? t('vaccination.adverse.status.received', { time: dayAndTime(r.receipt.receivedAt), reference: r.receipt.reference ?? '–' })
                : r.status === 'failed'
                  ? t('vaccination.adverse.status.failed', { error: r.lastError ?? '' })
                  : t('vaccination.adverse.status.queued')}
            </Text>
          </Paper>
        );
      })}
    </Stack>
  );
}
