import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useActor } from '../../ActorContext.js';
import { DownloadMenu } from '../../components/DownloadMenu.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { isoWeekOfDate, swedishDate, TEST_TYPES, useCapacityReport, useCapacityUnits, useDeclareCapacity, type TestType } from './api.js';
import { formatCount, formatDecimal, formatShare } from './format.js';

/** Roles that may declare capacity (the server checks 'testing.capacity.declare'). */
const DECLARING_ROLES = ['lab', 'sampler'];
const LEVEL_COLOR = { ok: 'green', warning: 'orange', over: 'red' } as const;

export function CapacityPage() {
  const { t, language } = useT();
  const { role } = useActor();
  const [from, setFrom] = useState(() => swedishDate(13));
  const [to, setTo] = useState(() => swedishDate());
  const [testType, setTestType] = useState<TestType>('pcr');
  const report = useCapacityReport(from, to);
  const days = (report.data?.days ?? []).filter((d) => d.testType === testType);
  const warningShare = report.data?.warningShare ?? 0.9;
  const chartData = days.map((d) => ({
    date: d.date,
    [t('testingStats.capacity.demand')]: d.demand,
    [t('testingStats.capacity.capacityLine')]: d.capacity,
    [t('testingStats.capacity.warningLine')]: Math.round(d.capacity * warningShare * 10) / 10,
  }));
  const flagged = days.filter((d) => d.level !== 'ok');

  return (
    <>
      <PageHeading title={t('testingStats.capacity.title')} />
      <Anchor component={Link} to=".." relative="path" mb="sm" display="inline-block">
        {t('testingStats.back')}
      </Anchor>
      <Text mb="md">{t('testingStats.capacity.intro')}</Text>
      <Group align="flex-end" mb="md">
        <TextInput type="date" label={t('testingStats.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('testingStats.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="capacity-test-type">
            {t('testingStats.capacity.testType')}
          </Text>
          <SegmentedControl
            aria-labelledby="capacity-test-type"
            value={testType}
            onChange={(v) => setTestType(v as TestType)}
            data={TEST_TYPES.map((type) => ({ value: type, label: t(`testingStats.testTypes.${type}`) }))}
          />
        </Stack>
        <DownloadMenu path="/api/testing/statistics/capacity" query={{ from, to }} formats={['csv', 'xlsx']} disabled={!report.data} />
      </Group>
      {report.error ? <ProblemAlert error={report.error} /> : null}
      {report.isLoading ? <PageLoader /> : null}
      {report.data ? (
        <Stack gap="xl">
          {flagged.length > 0 ? (
            <Alert color="orange" title={t('testingStats.levels.warning')}>
              {t('testingStats.capacity.warnings', { count: flagged.length })}
            </Alert>
          ) : null}
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              {t('testingStats.capacity.chart')}
            </Title>
            <LineChart
              h={280}
              data={chartData}
              dataKey="date"
              withLegend
              series={[
                { name: t('testingStats.capacity.demand'), color: 'blue.6' },
                { name: t('testingStats.capacity.capacityLine'), color: 'gray.7' },
                { name: t('testingStats.capacity.warningLine'), color: 'orange.6', strokeDasharray: '6 4' },
              ]}
            />
          </Paper>
          <Table striped withTableBorder captionSide="top">
            <Table.Caption>
              <Title order={2} size="h4" ta="left">
                {t('testingStats.capacity.tableCaption')}
              </Title>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('testingStats.capacity.date')}</Table.Th>
                <Table.Th ta="right">{t('testingStats.capacity.demand')}</Table.Th>
                <Table.Th ta="right">{t('testingStats.capacity.capacityLine')}</Table.Th>
                <Table.Th ta="right">{t('testingStats.capacity.share')}</Table.Th>
                <Table.Th>{t('testingStats.capacity.level')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {days.map((d) => (
                <Table.Tr key={d.date} bg={d.level === 'ok' ? undefined : d.level === 'over' ? 'red.0' : 'orange.0'}>
                  <Table.Td>{d.date}</Table.Td>
                  <Table.Td ta="right">{formatCount(d.demand, language)}</Table.Td>
                  <Table.Td ta="right">{formatDecimal(d.capacity, language)}</Table.Td>
                  <Table.Td ta="right">{formatShare(d.share, language)}</Table.Td>
                  <Table.Td>
                    <Badge color={LEVEL_COLOR[d.level]} variant={d.level === 'ok' ? 'light' : 'filled'}>
                      {t(`testingStats.levels.${d.level}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
      {role !== null && DECLARING_ROLES.includes(role) ? <DeclareCapacityForm /> : null}
    </>
  );
}

function DeclareCapacityForm() {
  const { t } = useT();
  const units = useCapacityUnits(true);
  const declare = useDeclareCapacity();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [isoWeek, setIsoWeek] = useState(() => isoWeekOfDate(swedishDate()));
  const [testType, setTestType] = useState<TestType>('pcr');
  const [testsPerWeek, setTestsPerWeek] = useState<number | string>('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!unitId || typeof testsPerWeek !== 'number') return;
    declare.mutate({ unitId, isoWeek, testType, testsPerWeek });
  };
  return (
    <Paper withBorder p="md" mt="xl" maw={560} component="form" onSubmit={submit}>
      <Title order={2} size="h4" mb="sm">
        {t('testingStats.capacity.declareTitle')}
      </Title>
      <Stack>
        <Select
          label={t('testingStats.capacity.unit')}
          required
          value={unitId}
          onChange={setUnitId}
          data={(units.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <TextInput type="week" label={t('testingStats.capacity.isoWeek')} required value={isoWeek} onChange={(e) => setIsoWeek(e.currentTarget.value)} />
        <Select
          label={t('testingStats.capacity.testType')}
          required
          value={testType}
          onChange={(v) => v && setTestType(v as TestType)}
          data={TEST_TYPES.map((type) => ({ value: type, label: t(`testingStats.testTypes.${type}`) }))}
        />
        <NumberInput label={t('testingStats.capacity.testsPerWeek')} required min={0} value={testsPerWeek} onChange={setTestsPerWeek} />
        {declare.error ? <ProblemAlert error={declare.error} /> : null}
        {declare.data ? (
          <Alert color="green" role="status">
            {t('testingStats.capacity.declared', { unit: declare.data.unitName, week: declare.data.isoWeek, tests: declare.data.testsPerWeek })}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={declare.isPending}>
            {t('testingStats.capacity.declare')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
