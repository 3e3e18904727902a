import { Button, FileInput, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { PERIOD_TYPES, TARGET_DIRECTIONS, UNITS, useImportDocument, usePublishVersion, type Definition, type PeriodType, type TargetDirection, type Unit } from './api.js';
import { definitionName } from './format.js';


/** Publishes a changed definition as the next version of an indicator (the server retires the current one). */
export function NewVersionForm({ definitions }: { definitions: Definition[] }) {
  const { t, language } = useT();
  const active = definitions.filter((d) => d.active);
  const [code, setCode] = useState('');
  const current = active.find((d) => d.code === code);
  const [form, setForm] = useState<Record<string, string>>({});
  const choose = (c: string) => {
    setCode(c);
    const d = active.find((x) => x.code === c);
    if (d) setForm({ nameSv: d.nameSv, nameEn: d.nameEn, numerator: d.numerator, denominator: d.denominator, unit: d.unit, periodType: d.periodType, source: d.source, population: d.population, owner: d.owner, note: d.note ?? '', targetValue: d.target ? String(d.target.value) : '', targetDirection: d.target?.direction ?? 'at_least', targetDate: d.target?.date ?? '' });
  };
  const publish = usePublishVersion(code);
  // The selects offer only the contract's units, period types and directions.
  const value = (k: string) => form[k] ?? '';
  const change = () =>
    publish.mutate({
      nameSv: value('nameSv'),
      nameEn: value('nameEn'),
      numerator: value('numerator'),
      denominator: value('denominator'),
      computation: current?.computation ?? null,
      unit: value('unit') as Unit,
      periodType: value('periodType') as PeriodType,
      source: value('source'),
      population: value('population'),
      owner: value('owner'),
      note: value('note') || null,
      target: value('targetValue') ? { value: Number(value('targetValue').replace(',', '.')), direction: value('targetDirection') as TargetDirection, date: value('targetDate') || null } : null,
    });
  const field = (k: string, label: string) => <TextInput label={label} value={value(k)} onChange={(e) => setForm({ ...form, [k]: e.currentTarget.value })} required />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    change();
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-labelledby="new-version" noValidate>
        <Title order={2} size="h4" id="new-version" mb="xs">
          {t('indicators.definitions.newVersion')}
        </Title>
        <Text size="sm" mb="sm">
          {t('indicators.definitions.newVersionIntro')}
        </Text>
        <NativeSelect label={t('indicators.values.indicator')} value={code} onChange={(e) => choose(e.currentTarget.value)} data={[{ value: '', label: t('indicators.values.chooseIndicator') }, ...active.map((d) => ({ value: d.code, label: definitionName(d, language) }))]} maw={520} />
        {current ? (
          <Stack gap="xs" mt="sm">
            <Group grow>
              {field('nameSv', t('indicators.definitions.nameSv'))}
              {field('nameEn', t('indicators.definitions.nameEn'))}
            </Group>
            <Group grow>
              {field('numerator', t('indicators.definitions.numerator'))}
              {field('denominator', t('indicators.definitions.denominator'))}
            </Group>
            <Group grow>
              <NativeSelect label={t('indicators.definitions.unit')} value={form.unit} onChange={(e) => setForm({ ...form, unit: e.currentTarget.value })} data={UNITS.map((u) => ({ value: u, label: t(`indicators.units.${u}`) }))} />
              <NativeSelect label={t('indicators.definitions.period')} value={form.periodType} onChange={(e) => setForm({ ...form, periodType: e.currentTarget.value })} data={PERIOD_TYPES.map((p) => ({ value: p, label: t(`indicators.periodTypes.${p}`) }))} />
              {field('source', t('indicators.definitions.source'))}
              {field('population', t('indicators.definitions.population'))}
            </Group>
            <Group grow>
              <NativeSelect label={t('indicators.definitions.targetDirection')} value={form.targetDirection} onChange={(e) => setForm({ ...form, targetDirection: e.currentTarget.value })} data={TARGET_DIRECTIONS.map((d) => ({ value: d, label: t(`indicators.definitions.directions.${d}`) }))} />
              <TextInput label={t('indicators.definitions.targetValue')} value={form.targetValue ?? ''} onChange={(e) => setForm({ ...form, targetValue: e.currentTarget.value })} inputMode="decimal" />
              <TextInput type="date" label={t('indicators.definitions.targetDate')} value={form.targetDate ?? ''} onChange={(e) => setForm({ ...form, targetDate: e.currentTarget.value })} />
              {field('owner', t('indicators.definitions.owner'))}
            </Group>
            <Textarea label={t('indicators.definitions.note')} value={form.note ?? ''} onChange={(e) => setForm({ ...form, note: e.currentTarget.value })} rows={2} />
            <Group>
              <Button type="submit" loading={publish.isPending}>
                {t('indicators.definitions.publish', { version: current.version + 1 })}
              </Button>
            </Group>
          </Stack>
        ) : null}
        {publish.error ? <ProblemAlert error={publish.error} /> : null}
        {publish.data ? (
          <Text role="status" mt="sm">
            {t('indicators.definitions.published', { code: publish.data.code, version: publish.data.version })}
          </Text>
        ) : null}
      </form>
    </Paper>
  );
}

/** Takes in another instance's JSON document: a definition version with its region figures. */
export function DocumentImportForm() {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const take = useImportDocument();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) take.mutate(file);
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-labelledby="document-import" noValidate>
        <Title order={2} size="h4" id="document-import" mb="xs">
          {t('indicators.definitions.documentImport')}
        </Title>
        <FileInput label={t('indicators.definitions.documentFile')} value={file} onChange={setFile} accept=".json,application/json" clearable maw={480} />
        <Button type="submit" mt="sm" disabled={!file} loading={take.isPending}>
          {t('indicators.definitions.documentSubmit')}
        </Button>
      </form>
      {take.error ? <ProblemAlert error={take.error} /> : null}
      {take.data ? (
        <Text role="status" mt="sm">
          {t('indicators.definitions.documentDone', { code: take.data.code, version: take.data.version, written: take.data.written, unchanged: take.data.unchanged })}
        </Text>
      ) : null}
    </Paper>
  );
}
