import { Button, Fieldset, Group, Input, NumberInput, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useT } from '../../../i18n/useT.js';
import { blankNumbers, emptyWindow, MAX_WINDOWS, num, type CriteriaDraft, type WindowDraft } from './draft.js';

export interface ScheduleFieldsProps {
  draft: CriteriaDraft;
  onChange: (draft: CriteriaDraft) => void;
  /** The server's message for a field ('criteria.schedule.windows.0.from'). */
  errorOf: (field: string) => string | undefined;
}

/** Which doses a recommendation offers: a primary series at an interval, or one dose per season window. */
export function ScheduleFields({ draft, onChange, errorOf }: ScheduleFieldsProps) {
  const { t } = useT();
  const blank = blankNumbers(draft);
  const error = (name: string) => {
    const field = `criteria.schedule.${name}`;
    return blank.includes(field) ? t('vaccination.criteria.required') : errorOf(field);
  };
  const series = (patch: Partial<CriteriaDraft['series']>) => onChange({ ...draft, series: { ...draft.series, ...patch } });
  const seasonal = (patch: Partial<CriteriaDraft['seasonal']>) => onChange({ ...draft, seasonal: { ...draft.seasonal, ...patch } });
  const windows = draft.seasonal.windows;
  const setWindow = (i: number, patch: Partial<WindowDraft>) => seasonal({ windows: windows.map((w, j) => (j === i ? { ...w, ...patch } : w)) });
  return (
    <Stack gap="sm">
      <Radio.Group label={t('vaccination.criteria.kind')} value={draft.kind} onChange={(v) => onChange({ ...draft, kind: v === 'series' ? 'series' : 'seasonal' })} error={errorOf('criteria.schedule.kind') ?? errorOf('criteria.schedule')}>
        <Group mt="xs">
          <Radio value="seasonal" label={t('vaccination.criteria.kinds.seasonal')} />
          <Radio value="series" label={t('vaccination.criteria.kinds.series')} />
        </Group>
      </Radio.Group>
      {draft.kind === 'series' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberInput label={t('vaccination.criteria.doses')} value={draft.series.doses} min={1} max={10} allowDecimal={false} onChange={(v) => series({ doses: num(v) })} error={error('doses')} required />
          <NumberInput label={t('vaccination.criteria.intervalDays')} value={draft.series.intervalDays} min={0} max={730} allowDecimal={false} onChange={(v) => series({ intervalDays: num(v) })} error={error('intervalDays')} required />
        </SimpleGrid>
      ) : (
        <>
          {errorOf('criteria.schedule.windows') && <Input.Error>{errorOf('criteria.schedule.windows')}</Input.Error>}
          {windows.map((w, i) => {
            const field = (name: string) => errorOf(`criteria.schedule.windows.${i}.${name}`);
            return (
              <Fieldset key={i} legend={t('vaccination.criteria.window', { n: i + 1 })}>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput label={t('vaccination.criteria.windowName')} value={w.name} onChange={(e) => setWindow(i, { name: e.currentTarget.value })} error={field('name')} required />
                  <TextInput label={t('vaccination.criteria.windowFrom')} placeholder="09-01" value={w.from} onChange={(e) => setWindow(i, { from: e.currentTarget.value })} error={field('from')} required />
                  <TextInput label={t('vaccination.criteria.windowTo')} placeholder="12-31" value={w.to} onChange={(e) => setWindow(i, { to: e.currentTarget.value })} error={field('to')} required />
                </SimpleGrid>
                {windows.length > 1 && (
                  <Button mt="sm" size="xs" variant="subtle" color="red" onClick={() => seasonal({ windows: windows.filter((_, j) => j !== i) })}>
                    {t('vaccination.criteria.removeWindow', { n: i + 1 })}
                  </Button>
                )}
              </Fieldset>
            );
          })}
          {windows.length < MAX_WINDOWS && (
            <Group>
              <Button size="xs" variant="light" onClick={() => seasonal({ windows: [...windows, emptyWindow] })}>
                {t('vaccination.criteria.addWindow')}
              </Button>
            </Group>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput label={t('vaccination.criteria.minIntervalDays')} value={draft.seasonal.minIntervalDays} min={0} max={730} allowDecimal={false} onChange={(v) => seasonal({ minIntervalDays: num(v) })} error={error('minIntervalDays')} required />
            <NumberInput label={t('vaccination.criteria.minPriorDoses')} value={draft.seasonal.minPriorDoses} min={0} max={20} allowDecimal={false} onChange={(v) => seasonal({ minPriorDoses: num(v) })} error={error('minPriorDoses')} required />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
