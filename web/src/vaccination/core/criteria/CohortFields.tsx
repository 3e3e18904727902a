import { Button, Checkbox, Fieldset, Group, Input, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../../i18n/useT.js';
import { GROUPS, type Group as CohortGroup } from '../vaccinationApi.js';
import { emptyCohort, MAX_COHORTS, num, type CohortDraft } from './draft.js';

export interface CohortFieldsProps {
  cohorts: CohortDraft[];
  onChange: (cohorts: CohortDraft[]) => void;
  /** The server's message for a field ('criteria.cohorts.0.maxAge'). */
  errorOf: (field: string) => string | undefined;
}

/** Who a recommendation covers: cohorts of an age range and, if chosen, membership of one of the groups. */
export function CohortFields({ cohorts, onChange, errorOf }: CohortFieldsProps) {
  const { t } = useT();
  const set = (i: number, patch: Partial<CohortDraft>) => onChange(cohorts.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Stack gap="sm">
      <Text size="sm">{t('vaccination.criteria.cohortsHint')}</Text>
      {errorOf('criteria.cohorts') && <Input.Error>{errorOf('criteria.cohorts')}</Input.Error>}
      {cohorts.map((c, i) => {
        const field = (name: string) => errorOf(`criteria.cohorts.${i}.${name}`);
        return (
          <Fieldset key={i} legend={t('vaccination.criteria.cohort', { n: i + 1 })}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label={t('vaccination.criteria.minAge')} description={t('vaccination.criteria.ageHint')} value={c.minAge} min={0} max={130} allowDecimal={false} onChange={(v) => set(i, { minAge: num(v) })} error={field('minAge')} />
              <NumberInput label={t('vaccination.criteria.maxAge')} description={t('vaccination.criteria.ageHint')} value={c.maxAge} min={0} max={130} allowDecimal={false} onChange={(v) => set(i, { maxAge: num(v) })} error={field('maxAge')} />
            </SimpleGrid>
            <Checkbox.Group mt="sm" label={t('vaccination.criteria.anyOf')} description={t('vaccination.criteria.anyOfHint')} value={c.anyOf} onChange={(v) => set(i, { anyOf: v as CohortGroup[] })} error={field('anyOf')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {GROUPS.map((g) => (
                  <Checkbox key={g} value={g} label={t(`vaccination.criteria.groups.${g}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            {cohorts.length > 1 && (
              <Button mt="sm" size="xs" variant="subtle" color="red" onClick={() => onChange(cohorts.filter((_, j) => j !== i))}>
                {t('vaccination.criteria.removeCohort', { n: i + 1 })}
              </Button>
            )}
          </Fieldset>
        );
      })}
      {cohorts.length < MAX_COHORTS && (
        <Group>
          <Button size="xs" variant="light" onClick={() => onChange([...cohorts, emptyCohort])}>
            {t('vaccination.criteria.addCohort')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
