import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useActor } from '../ActorContext.js';
import { DateTime } from '../components/DateTime.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { publishRound, remindRound, reopenReturn, useReportingMutation, useRound, type RoundSummary } from './api.js';
import { DataTable } from '../components/DataTable.js';

export const statusColor = { not_started: 'gray', draft: 'blue', submitted: 'teal', reopened: 'orange' } as const;

/** `/reporting/rounds/:id`: who has answered; the national analyst reminds, reopens and publishes here. */
export function RoundPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const { role } = useActor();
  const round = useRound(id);
  const national = role === 'national_analyst';
  const remind = useReportingMutation(() => remindRound(id));
  const publish = useReportingMutation(() => publishRound(id));
  if (round.isLoading) return <PageLoader />;
  if (round.isError || !round.data) return <ProblemAlert error={round.error} onRetry={() => void round.refetch()} />;
  const r = round.data;
  return (
    <>
      <PageHeading title={r.name} />
      <Group mb="md" gap="xs">
        <Badge variant="light">{t(`reporting.kinds.${r.kind}`)}</Badge>
        <Badge variant="light" color={r.phase === 'late' ? 'red' : 'teal'}>
          {t(`reporting.phases.${r.phase}`)}
        </Badge>
        <Text size="sm">{t('reporting.answer.deadline', { date: r.deadline })}</Text>
        {r.publishedAt && (
          <Text size="sm">
            {t('reporting.round.published', { at: r.publishedAt.slice(0, 10) })}
          </Text>
        )}
      </Group>
      {(national || r.publishedAt) && (
        <Anchor component={Link} to={`/reporting/rounds/${id}/report`} mb="md" display="block">
          {t('reporting.round.report')}
        </Anchor>
      )}
      <ReturnsTable round={r} national={national} />
      {national && (
        <Stack mt="lg" maw={720}>
          <Group>
            <Button variant="outline" onClick={() => remind.mutate(undefined)} loading={remind.isPending}>
              {t('reporting.round.remind')}
            </Button>
            {!r.publishedAt && (
              <Button onClick={() => publish.mutate(undefined)} loading={publish.isPending}>
                {t('reporting.round.publish')}
              </Button>
            )}
          </Group>
          {remind.isSuccess && <Text role="status">{t('reporting.round.reminded', { count: remind.data.sent })}</Text>}
          {remind.isError && <ProblemAlert error={remind.error} />}
          {publish.isError && <ProblemAlert error={publish.error} />}
        </Stack>
      )}
    </>
  );
}

function ReturnsTable({ round, national }: { round: RoundSummary; national: boolean }) {
  const { t } = useT();
  const [reopening, setReopening] = useState<string | null>(null);
  return (
    <>
      <DataTable minWidth={760} striped withTableBorder captionSide="top">
          <Table.Caption>{t('reporting.round.returnsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {(['organisation', 'status', 'submitted', 'received', 'action'] as const).map((c) => (
                <Table.Th key={c} scope="col">
                  {t(`reporting.round.columns.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.returns.map((x) => (
              <Table.Tr key={x.organisation}>
                <Table.Th scope="row">{x.name}</Table.Th>
                <Table.Td>
                  <Badge color={statusColor[x.status]} variant="light">
                    {t(`reporting.statuses.${x.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{x.submittedAt ? <DateTime iso={x.submittedAt} /> : '–'}</Table.Td>
                <Table.Td>{x.receivedAt ? <DateTime iso={x.receivedAt} /> : '–'}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/reporting/rounds/${round.id}/returns/${x.organisation}`} aria-label={`${national ? t('reporting.round.view') : t('reporting.round.answer')}: ${x.name}`}>
                      {national ? t('reporting.round.view') : t('reporting.round.answer')}
                    </Anchor>
                    {national && x.status === 'submitted' && (
                      <Button size="compact-sm" variant="subtle" onClick={() => setReopening(x.organisation)} aria-label={`${t('reporting.round.reopen')}: ${x.name}`}>
                        {t('reporting.round.reopen')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      {reopening && <ReopenForm roundId={round.id} organisation={reopening} name={round.returns.find((x) => x.organisation === reopening)!.name} done={() => setReopening(null)} />}
    </>
  );
}

function ReopenForm({ roundId, organisation, name, done }: { roundId: string; organisation: string; name: string; done: () => void }) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const reopen = useReportingMutation(() => reopenReturn(roundId, organisation, reason));
  return (
    <Alert color="orange" variant="light" mt="md" title={`${t('reporting.round.reopen')}: ${name}`}>
      <Stack>
        <Textarea label={t('reporting.round.reopenReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} />
        {reopen.isError && <ProblemAlert error={reopen.error} />}
        <Group>
          <Button color="orange" loading={reopen.isPending} onClick={() => reopen.mutate(undefined, { onSuccess: done })}>
            {t('reporting.round.reopenConfirm')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
