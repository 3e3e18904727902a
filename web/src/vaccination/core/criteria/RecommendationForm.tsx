import { Alert, Button, Fieldset, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/useT.js';
import { vaccineOptions } from '../BookingCard.js';
import { fieldErrorOf } from '../fieldErrors.js';
import { Problem } from '../Problem.js';
import { useAddRecommendation, type Vaccine } from '../vaccinationApi.js';
import { CohortFields } from './CohortFields.js';
import { CriteriaPreview } from './CriteriaPreview.js';
import { blankNumbers, initialDraft, toCriteria } from './draft.js';
import { ScheduleFields } from './ScheduleFields.js';

/**
 * The coordinator adds a recommendation (or a new version of one: the same code). The criteria are
 * written field by field after their zod shape and read back in words; the server's message for a field
 * is shown at its input.
 */
export function RecommendationForm() {
  const { t } = useT();
  const add = useAddRecommendation();
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [vaccine, setVaccine] = useState<Vaccine>('covid-19');
  const [priority, setPriority] = useState(2);
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [draft, setDraft] = useState(initialDraft);
  const errorOf = fieldErrorOf(add.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (blankNumbers(draft).length === 0) add.mutate({ code, title, vaccine, priority, validFrom, validTo: validTo || null, criteria: toCriteria(draft) });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-labelledby="add-rec">
      <Title order={2} size="h3" id="add-rec" mb="sm">
        {t('vaccination.recommendations.add')}
      </Title>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('vaccination.recommendations.code')} description={t('vaccination.recommendations.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errorOf('code')} required />
          <TextInput label={t('vaccination.recommendations.name')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errorOf('title')} required />
          <NativeSelect label={t('vaccination.my.vaccine')} value={vaccine} onChange={(e) => setVaccine(e.currentTarget.value as Vaccine)} data={vaccineOptions(t)} error={errorOf('vaccine')} />
          <NumberInput label={t('vaccination.recommendations.priority')} value={priority} min={1} max={1000} allowDecimal={false} onChange={(v) => setPriority(Number(v) || 1)} error={errorOf('priority')} />
          <TextInput type="date" label={t('vaccination.recommendations.validFrom')} value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} error={errorOf('validFrom')} required />
          <TextInput type="date" label={t('vaccination.recommendations.validTo')} value={validTo} onChange={(e) => setValidTo(e.currentTarget.value)} error={errorOf('validTo')} />
        </SimpleGrid>
        <Fieldset legend={t('vaccination.criteria.cohorts')}>
          <CohortFields cohorts={draft.cohorts} onChange={(cohorts) => setDraft({ ...draft, cohorts })} errorOf={errorOf} />
        </Fieldset>
        <Fieldset legend={t('vaccination.criteria.schedule')}>
          <ScheduleFields draft={draft} onChange={setDraft} errorOf={errorOf} />
        </Fieldset>
        <Textarea label={t('vaccination.criteria.offer')} description={t('vaccination.criteria.offerHint')} rows={2} value={draft.offer} onChange={(e) => setDraft({ ...draft, offer: e.currentTarget.value })} error={errorOf('criteria.offer')} required />
        <CriteriaPreview draft={draft} />
        {add.isError && <Problem error={add.error} />}
        {add.data && (
          <Alert color="green" variant="light" role="status">
            {t('vaccination.recommendations.added', { title: add.data.title, version: add.data.version })}
          </Alert>
        )}
        <div>
          <Button type="submit" loading={add.isPending}>
            {t('vaccination.recommendations.submit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
