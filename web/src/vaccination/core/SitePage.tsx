import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { addDays, today } from './format.js';
import { Problem } from './Problem.js';
import { useGenerateSlots, useSetHours, useSetStaffing, useSite } from './vaccinationApi.js';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** `/vaccination/sites/:id`: opening hours, vaccinators on duty and pace, times made from them, capacity scaled. */
export function SitePage() {
  const { t } = useT();
  const { id = '' } = useParams();
  const site = useSite(id);
  const setHours = useSetHours(id);
  const setStaffing = useSetStaffing(id);
  const generate = useGenerateSlots(id);
  const [hours, setHoursState] = useState<Record<number, { opens: string; closes: string }>>({});
  const [from, setFrom] = useState(addDays(today(), 1));
  const [to, setTo] = useState(addDays(today(), 14));
  const [vaccinators, setVaccinators] = useState(2);
  const [pace, setPace] = useState(8);
  if (site.isPending) return <PageLoader />;
  if (site.isError) return <ProblemAlert error={site.error} />;
  const current = (d: number) => hours[d] ?? site.data.hours.find((h) => h.weekday === d) ?? { opens: '', closes: '' };
  const saveHours = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setHoursState({});
    setHours.mutate(WEEKDAYS.map((weekday) => ({ weekday, ...current(weekday) })).filter((h) => h.opens && h.closes));
  };
  return (
    <>
      <PageHeading title={site.data.name} />
      <Stack gap="lg" maw={820}>
        <Paper withBorder p="md" component="form" onSubmit={saveHours} aria-labelledby="hours-heading" noValidate>
          <Title order={2} size="h3" id="hours-heading" mb="sm">
            {t('vaccination.site.hours')}
          </Title>
          <Stack gap={6}>
            {WEEKDAYS.map((d) => (
              <Group key={d} gap="sm">
                <Text w={90}>{t(`vaccination.weekdays.d${d}`)}</Text>
                <TextInput type="time" aria-label={t('vaccination.site.opens', { day: t(`vaccination.weekdays.d${d}`) })} value={current(d).opens} onChange={(e) => setHoursState({ ...hours, [d]: { ...current(d), opens: e.currentTarget.value } })} />
                <TextInput type="time" aria-label={t('vaccination.site.closes', { day: t(`vaccination.weekdays.d${d}`) })} value={current(d).closes} onChange={(e) => setHoursState({ ...hours, [d]: { ...current(d), closes: e.currentTarget.value } })} />
              </Group>
            ))}
          </Stack>
          {setHours.isError && <Problem error={setHours.error} />}
          <Button type="submit" mt="md" loading={setHours.isPending}>
            {t('vaccination.site.saveHours')}
          </Button>
        </Paper>
        <Paper withBorder p="md" aria-labelledby="staff-heading" component="section">
          <Title order={2} size="h3" id="staff-heading" mb="sm">
            {t('vaccination.site.staffing')}
          </Title>
          <Text size="sm" mb="sm">
            {t('vaccination.site.staffingIntro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput type="date" label={t('vaccination.site.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            <TextInput type="date" label={t('vaccination.site.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            <NumberInput label={t('vaccination.site.vaccinators')} value={vaccinators} min={0} onChange={(v) => setVaccinators(Number(v) || 0)} />
            <NumberInput label={t('vaccination.site.pace')} value={pace} min={1} onChange={(v) => setPace(Number(v) || 1)} />
          </SimpleGrid>
          <Group mt="md">
            <Button loading={setStaffing.isPending} onClick={() => setStaffing.mutate({ from, to, vaccinators, perVaccinatorPerHour: pace })}>
              {t('vaccination.site.saveStaffing')}
            </Button>
            <Button variant="light" loading={generate.isPending} onClick={() => generate.mutate({ from, to })}>
              {t('vaccination.site.generate')}
            </Button>
          </Group>
          {setStaffing.isError && <Problem error={setStaffing.error} />}
          {generate.isError && <Problem error={generate.error} />}
          {setStaffing.data && (
            <Alert color="green" variant="light" role="status" mt="md">
              {t('vaccination.site.staffingSaved', { days: setStaffing.data.days, slots: setStaffing.data.rescaledSlots, held: setStaffing.data.heldByBookings })}
            </Alert>
          )}
          {generate.data && (
            <Alert color="green" variant="light" role="status" mt="md">
              {t('vaccination.site.generated', { created: generate.data.created, seats: generate.data.seats, skipped: generate.data.skipped, unstaffed: generate.data.daysWithoutStaff })}
            </Alert>
          )}
        </Paper>
      </Stack>
    </>
  );
}
