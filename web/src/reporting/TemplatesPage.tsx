import { Button, Card, Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { addTemplateVersion, createTemplate, PREFILL_SOURCES, QUESTION_KINDS, readTemplateVersion, useReportingMutation, useTemplates, type Option, type PrefillSource, type Question, type QuestionKind, type Section } from './api.js';
import { DataTable } from '../components/DataTable.js';

type SourceKey = 'testing_tests' | 'testing_positives' | 'testing_capacity' | 'testing_perTestType' | 'tracing_cases' | 'tracing_hoursToFirstCall' | 'vaccination_coverage' | 'certificates_perKind' | 'indicators_namedDoctor';

/** A key from a label: lower case letters, digits, - and _ (what the server accepts as an id). */
export const keyOf = (label: string, taken: readonly string[] = []) => {
  const base = label.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30) || 'x';
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}-${i}`;
  return key;
};
const lines = (v: string): Option[] => v.split('\n').map((s) => s.trim()).filter(Boolean).reduce<Option[]>((all, label) => [...all, { key: keyOf(label, all.map((o) => o.key)), label }], []);
const unlines = (o: Option[] | undefined) => (o ?? []).map((x) => x.label).join('\n');

function newQuestion(kind: QuestionKind, taken: string[]): Question {
  const id = keyOf(`q-${taken.length + 1}`, taken);
  const base = { id, label: '', mandatory: false };
  switch (kind) {
    case 'text':
      return { ...base, kind, maxLength: 2000 };
    case 'number':
      return { ...base, kind, unit: 'antal', definition: '' };
    case 'table':
      return { ...base, kind, rows: [], columns: [] };
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, kind, options: [] };
    case 'initiatives':
      return { ...base, kind, developmentArea: '' };
    default:
      return { ...base, kind };
  }
}

/** `/reporting/templates`: the national analyst builds a template, or the next version of one. */
export function TemplatesPage() {
  const { t } = useT();
  const templates = useTemplates();
  const [base, setBase] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [sections, setSections] = useState<Section[]>([{ id: 's-1', title: '', questions: [newQuestion('traffic_light', [])] }]);
  const save = useReportingMutation(() =>
    base ? addTemplateVersion(base, { sections }) : createTemplate({ name, content: { sections } }),
  );
  const loadVersion = async (templateId: string | null) => {
    setBase(templateId);
    const latest = templates.data?.templates.find((x) => x.id === templateId)?.versions.at(-1);
    if (latest) setSections((await readTemplateVersion(latest.id)).content.sections);
  };
  const taken = sections.flatMap((s) => s.questions.map((q) => q.id));
  const setQuestion = (si: number, qi: number, q: Question) => setSections(sections.map((s, i) => (i === si ? { ...s, questions: s.questions.map((x, j) => (j === qi ? q : x)) } : s)));

  return (
    <>
      <PageHeading title={t('reporting.templates.title')} />
      <Text mb="md" maw={720}>
        {t('reporting.templates.intro')}
      </Text>
      {templates.data && (
        <DataTable withTableBorder striped captionSide="top" frameMaw={900} mb="xl">
          <Table.Caption>{t('reporting.templates.caption')}</Table.Caption>
          <Table.Tbody>
            {templates.data.templates.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Th scope="row">{x.name}</Table.Th>
                <Table.Td>{x.versions.map((v) => `v${v.version}`).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      )}
      <Stack maw={900}>
        <NativeSelect label={t('reporting.templates.edit')} data={[{ value: '', label: t('reporting.templates.newTemplate') }, ...(templates.data?.templates ?? []).map((x) => ({ value: x.id, label: x.name }))]} value={base ?? ''} onChange={(e) => void loadVersion(e.currentTarget.value || null)} />
        {!base && <TextInput label={t('reporting.templates.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />}
        {sections.map((s, si) => (
          <Card key={si} withBorder component="fieldset" aria-label={`${t('reporting.templates.section')} ${si + 1}`}>
            <TextInput label={`${t('reporting.templates.sectionTitle')} ${si + 1}`} value={s.title} onChange={(e) => setSections(sections.map((x, i) => (i === si ? { ...x, title: e.currentTarget.value } : x)))} />
            {s.questions.map((q, qi) => (
              <QuestionEditor key={`${si}-${qi}`} n={qi + 1} question={q} onChange={(nq) => setQuestion(si, qi, nq)} onRemove={() => setSections(sections.map((x, i) => (i === si ? { ...x, questions: x.questions.filter((_, j) => j !== qi) } : x)))} taken={taken} />
            ))}
            <Group mt="sm">
              <Button variant="light" size="xs" onClick={() => setSections(sections.map((x, i) => (i === si ? { ...x, questions: [...x.questions, newQuestion('text', taken)] } : x)))}>
                {t('reporting.templates.addQuestion')}
              </Button>
            </Group>
          </Card>
        ))}
        <Group>
          <Button variant="light" onClick={() => setSections([...sections, { id: keyOf(`s-${sections.length + 1}`, sections.map((s) => s.id)), title: '', questions: [newQuestion('text', taken)] }])}>
            {t('reporting.templates.addSection')}
          </Button>
          <Button onClick={() => save.mutate(undefined)} loading={save.isPending}>
            {base ? t('reporting.templates.saveVersion') : t('reporting.templates.save')}
          </Button>
        </Group>
        {save.isError && <ProblemAlert error={save.error} />}
        {save.isSuccess && <Text role="status">{t('reporting.templates.saved', { version: save.data.version })}</Text>}
      </Stack>
    </>
  );
}

function QuestionEditor({ n, question: q, onChange, onRemove, taken }: { n: number; question: Question; onChange: (q: Question) => void; onRemove: () => void; taken: string[] }) {
  const { t } = useT();
  const label = `${t('reporting.templates.question')} ${n}`;
  return (
    <Stack gap="xs" mt="md" p="sm" style={{ borderLeft: '3px solid var(--mantine-color-blue-3)' }} aria-label={label} role="group">
      <Group grow align="flex-end">
        <TextInput label={label} value={q.label} onChange={(e) => onChange({ ...q, label: e.currentTarget.value })} required />
        <NativeSelect
          label={`${t('reporting.templates.kind')} (${label})`}
          data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`reporting.templates.kinds.${k}`) }))}
          value={q.kind}
          onChange={(e) => onChange({ ...newQuestion(e.currentTarget.value as QuestionKind, taken.filter((x) => x !== q.id)), id: q.id, label: q.label, mandatory: q.mandatory })}
        />
      </Group>
      <Checkbox label={`${t('reporting.templates.mandatory')} (${label})`} checked={q.mandatory} onChange={(e) => onChange({ ...q, mandatory: e.currentTarget.checked })} />
      {q.kind === 'text' && <NumberInput label={t('reporting.templates.maxLength')} value={q.maxLength} min={1} max={20000} onChange={(v) => onChange({ ...q, maxLength: Number(v) || 1 })} />}
      {q.kind === 'number' && (
        <>
          <Group grow>
            <TextInput label={`${t('reporting.templates.unit')} (${label})`} value={q.unit ?? ''} onChange={(e) => onChange({ ...q, unit: e.currentTarget.value })} />
            <TextInput label={`${t('reporting.templates.definition')} (${label})`} value={q.definition ?? ''} onChange={(e) => onChange({ ...q, definition: e.currentTarget.value })} />
          </Group>
          <Group grow align="flex-end">
            <NumberInput label={`${t('reporting.templates.min')} (${label})`} value={q.min ?? ''} onChange={(v) => onChange({ ...q, min: v === '' ? undefined : Number(v) })} />
            <NumberInput label={`${t('reporting.templates.max')} (${label})`} value={q.max ?? ''} onChange={(v) => onChange({ ...q, max: v === '' ? undefined : Number(v) })} />
            <Checkbox label={`${t('reporting.templates.integer')} (${label})`} checked={q.integer ?? false} onChange={(e) => onChange({ ...q, integer: e.currentTarget.checked })} />
          </Group>
        </>
      )}
      {(q.kind === 'number' || q.kind === 'table') && (
        <NativeSelect
          label={`${t('reporting.templates.prefill')} (${label})`}
          data={[{ value: '', label: '–' }, ...PREFILL_SOURCES.map((p) => ({ value: p, label: t(`reporting.templates.sources.${p.replace('.', '_') as SourceKey}`) }))]}
          value={q.prefill ?? ''}
          onChange={(e) => onChange({ ...q, prefill: (e.currentTarget.value || undefined) as PrefillSource | undefined })}
        />
      )}
      {q.kind === 'table' && (
        <Group grow align="flex-start">
          <Textarea label={t('reporting.templates.rows')} defaultValue={unlines(q.rows)} autosize minRows={2} onBlur={(e) => onChange({ ...q, rows: lines(e.currentTarget.value) })} />
          <Textarea label={t('reporting.templates.columns')} defaultValue={unlines(q.columns)} autosize minRows={2} onBlur={(e) => onChange({ ...q, columns: lines(e.currentTarget.value) })} />
        </Group>
      )}
      {(q.kind === 'single_choice' || q.kind === 'multiple_choice') && <Textarea label={t('reporting.templates.options')} defaultValue={unlines(q.options)} autosize minRows={2} onBlur={(e) => onChange({ ...q, options: lines(e.currentTarget.value) })} />}
      {q.kind === 'initiatives' && <TextInput label={t('reporting.templates.area')} value={q.developmentArea ?? ''} onChange={(e) => onChange({ ...q, developmentArea: e.currentTarget.value })} />}
      <Group>
        <Button variant="subtle" color="red" size="compact-xs" onClick={onRemove}>
          {t('reporting.templates.removeQuestion')}
        </Button>
      </Group>
    </Stack>
  );
}
