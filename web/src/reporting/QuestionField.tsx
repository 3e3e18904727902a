import { Anchor, Checkbox, Group, NumberInput, Radio, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/useT.js';
import type { Question, TrafficLight } from './api.js';
import { DataTable } from '../components/DataTable.js';

type TableValue = Record<string, Record<string, number | null>>;
interface LightValue {
  light: TrafficLight;
  motivation?: string;
}

export interface QuestionFieldProps {
  question: Question;
  value: unknown;
  onChange: (value: unknown) => void;
  readOnly: boolean;
  /** Where the current value came from when it was pre-filled. */
  note?: string | undefined;
}

const asNumber = (v: string | number) => (typeof v === 'number' ? v : v === '' ? null : Number(v));

/** One question of a template as a form field of its kind. */
export function QuestionField({ question: q, value, onChange, readOnly, note }: QuestionFieldProps) {
  const { t } = useT();
  const label = q.mandatory ? `${q.label} (${t('reporting.answer.mandatory')})` : q.label;
  const description = [q.help, q.kind === 'number' ? q.definition : undefined, note].filter(Boolean).join(' ');
  switch (q.kind) {
    case 'text':
      return <Textarea label={label} description={description || undefined} value={typeof value === 'string' ? value : ''} maxLength={q.maxLength} readOnly={readOnly} autosize minRows={2} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number': {
      const n = typeof value === 'number' ? value : value && typeof value === 'object' ? (value as { amount: number }).amount : '';
      return <NumberInput label={`${label}, ${q.unit}`} description={description || undefined} value={n} readOnly={readOnly} min={q.min} max={q.max} allowDecimal={!q.integer} decimalSeparator="," onChange={(v) => onChange(asNumber(v))} />;
    }
    case 'date':
      return <TextInput type="date" label={label} description={description || undefined} value={typeof value === 'string' ? value : ''} readOnly={readOnly} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'single_choice':
      return (
        <Radio.Group label={label} description={description || undefined} value={typeof value === 'string' ? value : null} onChange={(v) => !readOnly && onChange(v)}>
          <Group mt="xs">
            {q.options!.map((o) => (
              <Radio key={o.key} value={o.key} label={o.label} disabled={readOnly} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group label={label} description={description || undefined} value={Array.isArray(value) ? (value as string[]) : []} onChange={(v) => !readOnly && onChange(v)}>
          <Group mt="xs">
            {q.options!.map((o) => (
              <Checkbox key={o.key} value={o.key} label={o.label} disabled={readOnly} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'traffic_light': {
      const v = (value ?? null) as LightValue | null;
      return (
        <Stack gap="xs">
          <Radio.Group label={label} description={description || undefined} value={v?.light ?? null} onChange={(light) => !readOnly && onChange({ ...(v ?? {}), light })}>
            <Group mt="xs">
              {(['green', 'yellow', 'red'] as const).map((l) => (
                <Radio key={l} value={l} label={t(`reporting.lights.${l}`)} color={l === 'green' ? 'teal' : l === 'yellow' ? 'yellow' : 'red'} disabled={readOnly} />
              ))}
            </Group>
          </Radio.Group>
          {v && v.light !== 'green' && (
            <Textarea label={`${t('reporting.answer.motivation')}: ${q.label}`} value={v.motivation ?? ''} readOnly={readOnly} autosize minRows={2} required onChange={(e) => onChange({ ...v, motivation: e.currentTarget.value })} />
          )}
        </Stack>
      );
    }
    case 'table': {
      const table = (value ?? {}) as TableValue;
      const set = (row: string, col: string, n: number | null) => onChange({ ...table, [row]: { ...(table[row] ?? {}), [col]: n } });
      return (
        <Stack gap={4}>
          <Text fw={500} size="sm">
            {label}
          </Text>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
          <DataTable minWidth={400} withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Td />
                  {q.columns!.map((c) => (
                    <Table.Th key={c.key} scope="col">
                      {c.label}
                      {c.unit ? ` (${c.unit})` : ''}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {q.rows!.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row">{r.label}</Table.Th>
                    {q.columns!.map((c) => (
                      <Table.Td key={c.key}>
                        <NumberInput aria-label={`${q.label}: ${r.label}, ${c.label}`} value={table[r.key]?.[c.key] ?? ''} readOnly={readOnly} min={q.min} decimalSeparator="," onChange={(v) => set(r.key, c.key, asNumber(v))} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
        </Stack>
      );
    }
    case 'initiatives':
      return (
        <Stack gap={2}>
          <Text fw={500} size="sm">
            {label}
          </Text>
          <Anchor component={Link} to="/reporting/initiatives" size="sm">
            {t('reporting.answer.initiativesHint', { area: q.developmentArea ?? '' })}
          </Anchor>
        </Stack>
      );
  }
}
