import { Badge, Button, Group, NativeSelect, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useActor } from '../ActorContext.js';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useDefinitions, useRecordValue, useValues, type OrgLevel } from './api.js';
import { definitionName, formatNumber, formatValue } from './format.js';
import { IndicatorSelect } from './IndicatorSelect.js';

const LEVELS: OrgLevel[] = ['region', 'municipality', 'unit', 'rss'];

/** `/indicators/values`: one indicator's values in the region (every version, marked), and a form to enter one. */
export function ValuesPage() {
  const { t, language } = useT();
  const [code, setCode] = useState<string | null>(null);
  const definitions = useDefinitions();
  const values = useValues(code);
  const active = definitions.data?.find((d) => d.code === code && d.active);
  return (
    <>
      <PageHeading title={t('indicators.values.title')} />
      <IndicatorSelect value={code} onChange={setCode} />
      {active ? <EnterValue definitionId={active.id} /> : null}
      {values.error ? <ProblemAlert error={values.error} /> : null}
      {active && values.data ? (
        values.data.length === 0 ? (
          <Text mt="md">{t('indicators.values.none')}</Text>
        ) : (
          <CaptionedTable
            mt="lg"
            withTableBorder
            minWidth={800}
            caption={t('indicators.values.caption', { name: definitionName(active, language) })}
            columns={[t('indicators.values.period'), t('indicators.values.organisation'), t('indicators.values.numerator'), t('indicators.values.denominator'), t('indicators.values.value'), t('indicators.values.source'), t('indicators.definitions.version')]}
          >
            {values.data.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>{v.period}</Table.Td>
                <Table.Td>
                  {v.orgName} <Text span size="xs" c="dimmed">({t(`indicators.levels.${v.orgLevel}`)})</Text>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(v.numerator, language)}</Table.Td>
                <Table.Td ta="right">{formatNumber(v.denominator, language)}</Table.Td>
                <Table.Td ta="right">{formatValue(v.value, v.unit, language)}</Table.Td>
                <Table.Td>{t(`indicators.sources.${v.source}`)}</Table.Td>
                <Table.Td>{v.activeVersion ? v.version : <Badge color="orange">{t('indicators.values.olderVersion', { version: v.version })}</Badge>}</Table.Td>
              </Table.Tr>
            ))}
          </CaptionedTable>
        )
      ) : null}
    </>
  );
}

function EnterValue({ definitionId }: { definitionId: string }) {
  const { t, language } = useT();
  const record = useRecordValue();
  const { actor } = useActor();
  // Values are most often the region's own: its code is filled in.
  const [form, setForm] = useState({ orgLevel: 'region' as OrgLevel, orgCode: actor.region.id, period: '', numerator: '', denominator: '' });
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ definitionId, orgLevel: form.orgLevel, orgCode: form.orgCode.trim(), period: form.period.trim(), numerator: Number(form.numerator.replace(',', '.')), denominator: Number(form.denominator.replace(',', '.')) });
  };
  const unit = useDefinitions().data?.find((d) => d.id === definitionId)?.unit ?? 'percent';
  return (
    <Paper withBorder p="md" mt="md" maw={820}>
      <form onSubmit={submit} aria-labelledby="enter-value" noValidate>
        <Title order={2} size="h4" id="enter-value" mb="sm">
          {t('indicators.values.enter')}
        </Title>
        <Group align="flex-end">
          <NativeSelect label={t('indicators.values.level')} value={form.orgLevel} onChange={set('orgLevel')} data={LEVELS.map((l) => ({ value: l, label: t(`indicators.levels.${l}`) }))} />
          <TextInput label={t('indicators.values.orgCode')} description={t('indicators.values.orgCodeHint')} value={form.orgCode} onChange={set('orgCode')} required />
          <TextInput label={t('indicators.values.period')} description={t('indicators.values.periodHint')} value={form.period} onChange={set('period')} required />
          <TextInput label={t('indicators.values.numerator')} inputMode="decimal" value={form.numerator} onChange={set('numerator')} required w={120} />
          <TextInput label={t('indicators.values.denominator')} inputMode="decimal" value={form.denominator} onChange={set('denominator')} required w={120} />
          <Button type="submit" loading={record.isPending}>
            {t('indicators.values.save')}
          </Button>
        </Group>
        {record.error ? <ProblemAlert error={record.error} /> : null}
        {record.data ? (
          <Text role="status" mt="sm">
            {t('indicators.values.saved', { value: formatValue(record.data.value, unit, language), version: record.data.version })}
          </Text>
        ) : null}
      </form>
    </Paper>
  );
}
