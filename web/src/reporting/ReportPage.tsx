import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useReport, type ReportTable, type RoundReport } from './api.js';
import { DataTable as FramedTable } from '../components/DataTable.js';
import { formatNumber } from '../format.js';

/** `/reporting/rounds/:id/report`: the compiled national report, as SKR's follow-ups present it. */
export function ReportPage() {
  const { id = '' } = useParams();
  const report = useReport(id);
  if (report.isLoading) return <PageLoader />;
  if (report.isError || !report.data) return <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />;
  return <Report report={report.data} />;
}

function Report({ report }: { report: RoundReport }) {
  const { t, language } = useT();
  const base = `/api/reporting/rounds/${report.round.id}`;
  return (
    <>
      <PageHeading title={t('reporting.report.title', { round: report.round.name })} />
      <Text mb="xs">{t('reporting.report.submittedOf', { submitted: report.submitted, expected: report.expected })}</Text>
      {report.notSubmitted.length > 0 && <Text mb="xs">{t('reporting.report.notSubmitted', { names: report.notSubmitted.map((o) => o.name).join(', ') })}</Text>}
      {!report.round.publishedAt && (
        <Alert variant="light" mb="md">
          {t('reporting.report.unpublished')}
        </Alert>
      )}
      <Group mb="lg" gap="md">
        <Text>{t('reporting.report.download')}:</Text>
        <Anchor href={`${base}/report.pdf`}>PDF</Anchor>
        <Anchor href={`${base}/report.xlsx`}>Excel (XLSX)</Anchor>
      </Group>
      <Stack gap="xl">
        {report.trafficLights.map((l) => (
          <Card key={l.questionId} withBorder component="section" aria-labelledby={`light-${l.questionId}`}>
            <Title order={2} size="h3" id={`light-${l.questionId}`}>
              {t('reporting.report.lightsTitle')}: {l.label}
            </Title>
            <Text fw={600} my="sm" data-testid="light-sentence">
              {l.sentence}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <BarChart valueFormatter={(value: number) => formatNumber(value, language)}
                h={180}
                aria-label={t('reporting.report.chart')}
                data={[{ light: l.label, [t('reporting.lights.green')]: l.counts.green, [t('reporting.lights.yellow')]: l.counts.yellow, [t('reporting.lights.red')]: l.counts.red }]}
                dataKey="light"
                withLegend
                series={[{ name: t('reporting.lights.green'), color: 'teal.6' }, { name: t('reporting.lights.yellow'), color: 'yellow.5' }, { name: t('reporting.lights.red'), color: 'red.6' }]}
              />
              {l.reasons.length > 0 && (
                <div>
                  <Title order={3} size="h5">
                    {t('reporting.report.reasons')}
                  </Title>
                  <List>
                    {l.reasons.map((r) => (
                      <List.Item key={r.organisation}>
                        <strong>{r.name}</strong> ({t(`reporting.lights.${r.light}`)}): {r.motivation}
                      </List.Item>
                    ))}
                  </List>
                </div>
              )}
            </SimpleGrid>
          </Card>
        ))}
        {report.tables.map((table) => (
          <DataTable key={table.id} table={table} csv={`${base}/report.csv?table=${encodeURIComponent(table.id)}`} />
        ))}
        {report.freeText.length > 0 && (
          <Stack component="section" aria-labelledby="free-text">
            <Title order={2} size="h3" id="free-text">
              {t('reporting.report.freeText')}
            </Title>
            {report.freeText.map((f) => (
              <div key={f.questionId}>
                <Title order={3} size="h5">
                  {f.label}
                </Title>
                {f.answers.map((a) => (
                  <Text key={a.organisation} size="sm" mb={4}>
                    <strong>{a.name}:</strong> {a.text}
                  </Text>
                ))}
              </div>
            ))}
          </Stack>
        )}
        <Stack component="section" aria-labelledby="pages">
          <Title order={2} size="h3" id="pages">
            {t('reporting.report.pages')}
          </Title>
          {report.pages.map((p) => (
            <Card key={p.organisation} withBorder component="article" aria-label={p.name}>
              <Title order={3} size="h4">
                {p.name}
              </Title>
              {p.sections.map((s) => (
                <div key={s.title}>
                  <Title order={4} size="h6" mt="sm">
                    {s.title}
                  </Title>
                  {s.answers.map((a) => (
                    <Text key={a.questionId} size="sm">
                      <strong>{a.label}:</strong> {a.text}
                    </Text>
                  ))}
                </div>
              ))}
            </Card>
          ))}
        </Stack>
      </Stack>
    </>
  );
}

const COLORS = ['blue.6', 'teal.6', 'orange.6', 'grape.6', 'red.6', 'cyan.6', 'lime.6', 'indigo.6'];

/** A bar chart of a table whose cells are numbers, one group per row (the total row left out), so regions can be compared. */
function TableChart({ table }: { table: ReportTable }) {
  const { t, language } = useT();
  const total = t('reporting.report.total');
  const rows = table.rows.filter((r) => r[0] !== total && r[0] !== 'Totalt');
  const numeric = rows.length > 0 && rows.every((r) => r.slice(1).every((c) => c === null || typeof c === 'number'));
  if (!numeric || table.header.length > 9) return null;
  const series = table.header.slice(1).map((name, i) => ({ name, color: COLORS[i % COLORS.length]! }));
  const data = rows.map((r) => Object.fromEntries([['label', String(r[0])], ...table.header.slice(1).map((h, i) => [h, r[i + 1] ?? 0])]));
  return <BarChart valueFormatter={(value: number) => formatNumber(value, language)} h={220} data={data} dataKey="label" series={series} withLegend aria-label={table.title} />;
}

function DataTable({ table, csv }: { table: ReportTable; csv: string }) {
  const { t } = useT();
  return (
    <Stack gap={4} component="section">
      <TableChart table={table} />
      <FramedTable minWidth={600} striped withTableBorder captionSide="top">
          <Table.Caption>{table.title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {table.header.map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((r, i) => (
              <Table.Tr key={i}>
                {r.map((c, j) =>
                  j === 0 ? (
                    <Table.Th key={j} scope="row">
                      {c}
                    </Table.Th>
                  ) : (
                    <Table.Td key={j}>{c === null ? '–' : typeof c === 'number' ? c.toLocaleString('sv-SE') : c}</Table.Td>
                  ),
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </FramedTable>
      <Anchor href={csv} size="sm">
        {t('reporting.report.download')} CSV: {table.title}
      </Anchor>
    </Stack>
  );
}
