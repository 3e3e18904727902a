import { Alert, Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useActor } from '../../ActorContext.js';
import { DateTime } from '../../components/DateTime.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { OutbreakStatusBadge } from './OutbreakStatusBadge.js';
import { useClusterProposals, useConfirmOutbreak, useOutbreaks, type ClusterProposal } from './outbreaksApi.js';

/** `/tracing/outbreaks`: clusters to confirm (Smittskydd) and the confirmed outbreaks (also read by the coordinator). */
export function OutbreaksPage() {
  const { t } = useT();
  const { role } = useActor();
  const manages = role === 'smittskydd';
  return (
    <>
      <PageHeading title={t('tracing.outbreaks.title')} />
      <Text mb="lg" maw={720}>
        {t('tracing.outbreaks.intro')}
      </Text>
      <Stack gap="lg">
        {manages && <ClusterProposals />}
        <ConfirmedOutbreaks />
      </Stack>
    </>
  );
}

function ClusterProposals() {
  const { t } = useT();
  const clusters = useClusterProposals();
  const confirm = useConfirmOutbreak();
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const proposals = clusters.data?.proposals ?? [];
  const confirmProposal = (p: ClusterProposal) =>
    confirm.mutate({ kind: p.kind, key: p.key, label: p.label, caseIds: p.caseIds }, { onSuccess: () => setConfirmed(p.label) });

  return (
    <CasePanel id="cluster-proposals" title={t('tracing.outbreaks.proposals')}>
      {clusters.isPending && <PageLoader />}
      {clusters.isError && <ProblemAlert error={clusters.error} onRetry={() => void clusters.refetch()} />}
      {confirm.isError && <ProblemAlert error={confirm.error} />}
      {confirmed && !confirm.isError && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {t('tracing.outbreaks.confirmed', { label: confirmed })}
        </Alert>
      )}
      {clusters.data && proposals.length === 0 && <Text>{t('tracing.outbreaks.noProposals')}</Text>}
      {proposals.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped captionSide="top">
            <Table.Caption>{t('tracing.outbreaks.proposalsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.setting')}</Table.Th>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.kind')}</Table.Th>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.period')}</Table.Th>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.cases')}</Table.Th>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposals.map((p) => (
                <Table.Tr key={`${p.kind}:${p.key}`}>
                  <Table.Th scope="row" fw={500}>
                    {p.label}
                  </Table.Th>
                  <Table.Td>{t(`tracing.settingKinds.${p.kind}`)}</Table.Td>
                  <Table.Td>{t('tracing.outbreaks.period', { from: p.firstDate, to: p.lastDate })}</Table.Td>
                  <Table.Td>{p.cases}</Table.Td>
                  <Table.Td>
                    <Button size="xs" onClick={() => confirmProposal(p)} disabled={confirm.isPending} aria-label={t('tracing.outbreaks.confirmLabel', { label: p.label })}>
                      {t('tracing.outbreaks.confirm')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </CasePanel>
  );
}

function ConfirmedOutbreaks() {
  const { t } = useT();
  const outbreaks = useOutbreaks();
  const list = outbreaks.data?.outbreaks ?? [];
  return (
    <CasePanel id="confirmed-outbreaks" title={t('tracing.outbreaks.confirmedTitle')}>
      {outbreaks.isPending && <PageLoader />}
      {outbreaks.isError && <ProblemAlert error={outbreaks.error} onRetry={() => void outbreaks.refetch()} />}
      {outbreaks.data && list.length === 0 && <Text>{t('tracing.outbreaks.none')}</Text>}
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped captionSide="top">
            <Table.Caption>{t('tracing.outbreaks.confirmedCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.outbreak')}</Table.Th>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.kind')}</Table.Th>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.confirmedAt')}</Table.Th>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.cases')}</Table.Th>
                <Table.Th scope="col">{t('tracing.outbreaks.columns.lastCase')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Th scope="row" fw={500}>
                    <Anchor component={Link} to={`/tracing/outbreaks/${o.id}`}>
                      {o.label}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{t(`tracing.settingKinds.${o.kind}`)}</Table.Td>
                  <Table.Td>
                    <OutbreakStatusBadge status={o.status} />
                  </Table.Td>
                  <Table.Td>
                    <DateTime iso={o.confirmedAt} />
                  </Table.Td>
                  <Table.Td>{o.cases}</Table.Td>
                  <Table.Td>{o.lastCaseDate ?? '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </CasePanel>
  );
}
