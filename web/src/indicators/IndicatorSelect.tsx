import { NativeSelect } from '@mantine/core';
import { useT } from '../i18n/useT.js';
import { useDefinitions } from './api.js';
import { definitionName } from './format.js';

/** A choice of indicator by code (the active version's name), as a native select so it works by keyboard and label. */
export function IndicatorSelect({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const { t, language } = useT();
  const definitions = useDefinitions();
  const active = (definitions.data ?? []).filter((d) => d.active);
  return (
    <NativeSelect
      label={t('indicators.values.indicator')}
      value={value ?? ''}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      data={[{ value: '', label: t('indicators.values.chooseIndicator') }, ...active.map((d) => ({ value: d.code, label: definitionName(d, language) }))]}
      maw={520}
    />
  );
}
