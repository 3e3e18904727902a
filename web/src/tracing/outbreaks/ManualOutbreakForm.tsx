import { Alert, Button, Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { useTracingQueue } from '../tracingApi.js';
import { useCreateOutbreak, type ManualOutbreak } from './outbreaksApi.js';

const KINDS = ['care_home', 'home_care', 'school_class', 'workplace', 'association', 'event'] as const satisfies readonly ManualOutbreak['kind'][];

/** Smittskydd and the coordinator create an outbreak by hand, choosing its cases from the region's open cases. */
export function ManualOutbreakForm() {
  const { t } = useT();
  const queue = useTracingQueue(false);
  const create = useCreateOutbreak();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ManualOutbreak['kind']>('workplace');
  const [place, setPlace] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [startDate, setStartDate] = useState('');
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const cases = queue.data?.pages.flatMap((p) => p.cases) ?? [];
  const fieldError = (field: string) => (isApiError(create.error) ? create.error.fieldErrors.find((e) => e.field === field)?.message : undefined);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    create.mutate(
      { name, kind, startDate, caseIds, ...(place.trim() ? { place: place.trim() } : {}), ...(municipalityCode.trim() ? { municipalityCode: municipalityCode.trim() } : {}) },
      { onSuccess: () => (setName(''), setPlace(''), setMunicipalityCode(''), setStartDate(''), setCaseIds([])) },
    );
  };
  return (
    <CasePanel id="manual-outbreak" title={t('tracing.outbreaks.manual.title')}>
      <form onSubmit={submit} noValidate aria-label={t('tracing.outbreaks.manual.title')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('tracing.outbreaks.manual.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required error={fieldError('name')} />
            <NativeSelect label={t('tracing.outbreaks.manual.kind')} value={kind} onChange={(e) => setKind(e.currentTarget.value as ManualOutbreak['kind'])} data={KINDS.map((k) => ({ value: k, label: t(`tracing.settingKinds.${k}`) }))} />
            <TextInput label={t('tracing.outbreaks.manual.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} error={fieldError('place')} />
            <TextInput label={t('tracing.outbreaks.manual.municipalityCode')} value={municipalityCode} onChange={(e) => setMunicipalityCode(e.currentTarget.value)} error={fieldError('municipalityCode')} maxLength={4} />
            <TextInput type="date" label={t('tracing.outbreaks.manual.startDate')} value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} required error={fieldError('startDate')} />
          </SimpleGrid>
          <Checkbox.Group label={t('tracing.outbreaks.manual.cases')} value={caseIds} onChange={setCaseIds} error={fieldError('caseIds')}>
            <Stack gap={4} mt={4}>
              {queue.data && cases.length === 0 && <Text size="sm">{t('tracing.outbreaks.manual.noCases')}</Text>}
              {cases.map((c) => (
                <Checkbox key={c.id} value={c.id} label={`${c.name} (${c.openedAt.slice(0, 10)})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          {create.isError && <ProblemAlert error={create.error} />}
          {create.data && (
            <Alert color="green" variant="light" role="status">
              {t('tracing.outbreaks.manual.created', { label: create.data.label, cases: create.data.cases })}
            </Alert>
          )}
          <div>
            <Button type="submit" loading={create.isPending} disabled={!name.trim() || !startDate}>
              {t('tracing.outbreaks.manual.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </CasePanel>
  );
}
