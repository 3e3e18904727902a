import { Alert, Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useActor } from '../../ActorContext.js';
import { DateTime } from '../../components/DateTime.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CaptionedTable } from '../../components/CaptionedTable.js';
import { CasePanel } from '../CasePanel.js';
import { QueryStatus } from '../QueryStatus.js';
import { ManualOutbreakForm } from './ManualOutbreakForm.js';
import { OutbreakStatusBadge } from './OutbreakStatusBadge.js';
import { useClusterProposals, useConfirmOutbreak, useOutbreaks, type ClusterProposal } from './outbreaksApi.js';

/** `/tracing/outbreaks`: clusters to confirm (Smittskydd) and the confirmed outbreaks (also read by the coordinator). */
export function OutbreaksPage() {
  const { t } = useT();
  const { role } = useActor();
  const manages = role === 'smittskydd';
  const creates = role === 'smittskydd' || role === 'tracing_coordinator';
  return (
    <>
      <PageHeading title={t('tracing.outbreaks.title')} />
      <Text mb="lg" maw={720}>
        {t('tracing.outbreaks.intro')}
      </Text>
      <Stack gap="lg">
        {manages && <ClusterProposals />}
        {creates && <ManualOutbreakForm />}
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
      <QueryStatus query={clusters} />
      {confirm.isError && <ProblemAlert error={confirm.error} />}
      {confirmed && !confirm.isError && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {t('tracing.outbreaks.confirmed', { label: confirmed })}
        </Alert>
      )}
      {clusters.data && proposals.length === 0 && <Text>{t('tracing.outbreaks.noProposals')}</Text>}
      {proposals.length > 0 && (
        <CaptionedTable
          striped
          caption={t('tracing.outbreaks.proposalsCaption')}
          columns={[
            t('tracing.outbreaks.columns.setting'),
            t('tracing.outbreaks.columns.kind'),
            t('tracing.outbreaks.columns.period'),
            t('tracing.outbreaks.columns.cases'),
            t('tracing.outbreaks.columns.action'),
          ]}
          minWidth={640}
        >
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
        </CaptionedTable>
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
      <QueryStatus query={outbreaks} />
      {outbreaks.data && list.length === 0 && <Text>{t('tracing.outbreaks.none')}</Text>}
      {list.length > 0 && (
        <CaptionedTable
          striped
          caption={t('tracing.outbreaks.confirmedCaption')}
          columns={[
            t('tracing.outbreaks.columns.outbreak'),
            t('tracing.outbreaks.columns.kind'),
            t('tracing.outbreaks.columns.status'),
            t('tracing.outbreaks.columns.confirmedAt'),
            t('tracing.outbreaks.columns.cases'),
            t('tracing.outbreaks.columns.lastCase'),
          ]}
          minWidth={640}
        >
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
        </CaptionedTable>
      )}
    </CasePanel>
  );
}
