import { TextInput } from '@mantine/core';
import { useT } from '../i18n/useT.js';

export interface KitCodeFieldProps {
  label?: string;
  value: string;
  onChange: (value: string) => void;
  /** True marks the input invalid (the message is shown elsewhere); a string is shown under it. */
  error?: string | boolean | undefined;
  autoFocus?: boolean;
}

/** A labelled text input for a kit id, with the XXXX-XXXX-XXXX-C pattern as its description. */
export function KitCodeField({ label, value, onChange, error, autoFocus }: KitCodeFieldProps) {
  const { t } = useT();
  return (
    <TextInput
      label={label ?? t('testing.kitCode')}
      description={t('testing.kitCodeHint')}
      placeholder="XXXX-XXXX-XXXX-C"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      autoFocus={autoFocus}
      maw={360}
      required
      styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', letterSpacing: '0.05em' } }}
    />
  );
}
