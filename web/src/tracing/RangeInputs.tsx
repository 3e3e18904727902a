import { Group, TextInput } from '@mantine/core';
import { useT } from '../i18n/useT.js';

export interface Range {
  from: string;
  to: string;
}

/** A from–to pair of week (YYYY-Www) or date (YYYY-MM-DD) inputs. */
export function RangeInputs({ type, value, onChange }: { type: 'week' | 'date'; value: Range; onChange: (range: Range) => void }) {
  const { t } = useT();
  return (
    <Group align="flex-end" mb="md">
      <TextInput type={type} label={t('tracing.range.from')} value={value.from} onChange={(e) => onChange({ ...value, from: e.currentTarget.value })} />
      <TextInput type={type} label={t('tracing.range.to')} value={value.to} onChange={(e) => onChange({ ...value, to: e.currentTarget.value })} />
    </Group>
  );
}
