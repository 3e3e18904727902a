import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Radio, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ShowMoreButton } from '../components/ShowMoreButton.js';
import { useT } from '../i18n/useT.js';
import { municipalityName } from './municipalities.js';
import { TestingProblem } from './TestingProblem.js';
import { useDistributionPoints, useOrderKit, type DistributionPoint } from './testingApi.js';

const PAGE = 25;

const collator = new Intl.Collator('sv');

/** `/testing/order` (citizen): choose a distribution point of the region and order a PCR self-test kit. */
export function OrderKitPage() {
  const { t } = useT();
  const points = useDistributionPoints();
  const order = useOrderKit();
  const [municipality, setMunicipality] = useState('');
  const [search, setSearch] = useState('');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);

  const all = points.data?.points ?? [];
  const municipalities = useMemo(
    () =>
      [...new Set(all.map((p) => p.municipalityCode).filter((c): c is string => c !== null))]
        .map((code) => ({ value: code, label: municipalityName(code) }))
        .sort((a, b) => collator.compare(a.label, b.label)),
    [all],
  );
  const filtered = useMemo(() => {
    const needle = search.trim().toLocaleLowerCase('sv');
    return all
      .filter((p) => municipality === '' || p.municipalityCode === municipality)
      .filter((p) => needle === '' || p.name.toLocaleLowerCase('sv').includes(needle) || municipalityName(p.municipalityCode ?? '').toLocaleLowerCase('sv').includes(needle))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [all, municipality, search]);
  const chosen = all.find((p) => p.id === chosenId) ?? null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) return;
    order.mutate({ distributionPointId: chosen.id, testType: 'pcr' });
  };

  if (order.isSuccess) {
    const point = order.data.distributionPoint;
    return (
      <>
        <PageHeading title={t('testing.order.title')} />
        <Alert color="green" variant="light" title={t('testing.order.doneTitle')} role="status" maw={720}>
          <Text>{t('testing.order.done', { name: point.name, hours: point.openingHours })}</Text>
          <Group mt="md">
            <Button component={Link} to="/testing/register">
              {t('testing.order.toRegister')}
            </Button>
            <Button component={Link} to="/testing" variant="light">
              {t('testing.order.toMine')}
            </Button>
          </Group>
        </Alert>
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('testing.order.title')} />
      <Text mb="lg" maw={720}>
        {t('testing.order.intro')}
      </Text>
      {points.isPending && <PageLoader />}
      {points.isError && <ProblemAlert error={points.error} onRetry={() => void points.refetch()} />}
      {points.data && (
        <form onSubmit={submit} noValidate>
          <Title order={2} size="h3" mb="sm">
            {t('testing.order.chooseHeading')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720} mb="md">
            <NativeSelect
              label={t('testing.order.municipality')}
              value={municipality}
              onChange={(e) => {
                setMunicipality(e.currentTarget.value);
                setShown(PAGE);
              }}
              data={[{ value: '', label: t('testing.order.allMunicipalities') }, ...municipalities]}
            />
            <TextInput
              label={t('testing.order.search')}
              type="search"
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                setShown(PAGE);
              }}
              autoComplete="off"
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
            {t('testing.order.count', { count: filtered.length })}
          </Text>
          {filtered.length === 0 ? (
            <Text mb="md">{t('testing.order.none')}</Text>
          ) : (
            <Radio.Group label={t('testing.order.pointsLegend')} value={chosenId} onChange={setChosenId} maw={720} mb="sm">
              <Stack gap="xs" mt="xs">
                {filtered.slice(0, shown).map((p) => (
                  <PointOption key={p.id} point={p} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {filtered.length > shown && <ShowMoreButton onClick={() => setShown((n) => n + PAGE)} loading={false} />}

          <Paper withBorder p="md" mt="lg" maw={720}>
            <Title order={2} size="h3" mb="xs">
              {t('testing.order.confirmHeading')}
            </Title>
            <Text mb="md" aria-live="polite">
              {chosen ? t('testing.order.chosen', { name: chosen.name }) : t('testing.order.noneChosen')}
            </Text>
            {order.isError && <TestingProblem error={order.error} />}
            <Button type="submit" disabled={!chosen} loading={order.isPending}>
              {t('testing.order.confirm')}
            </Button>
          </Paper>
        </form>
      )}
    </>
  );
}

function PointOption({ point }: { point: DistributionPoint }) {
  const { t } = useT();
  const where = [point.postalCode, point.municipalityCode ? municipalityName(point.municipalityCode) : null].filter(Boolean).join(' ');
  return (
    <Radio
      value={point.id}
      label={point.name}
      description={`${t(`testing.pointKinds.${point.kind}`)}${where ? ` · ${where}` : ''} · ${t('testing.order.openingHours', { hours: point.openingHours })}`}
    />
  );
}
