import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, Table, Text } from '@mantine/core';
import { DateTime } from '../components/DateTime.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useRevokeSigner, useRotateSigner, useSigners, type Signer } from './api.js';
import { ReasonForm } from './ReasonForm.js';
import { DataTable } from '../components/DataTable.js';

/** `/certificates/signers`: the region's CSCA and document signers; rotate the signing one, revoke one with a reason. */
export function SignersPage() {
  const { t } = useT();
  const signers = useSigners();
  const rotate = useRotateSigner();
  const revoke = useRevokeSigner();
  const [revoking, setRevoking] = useState<string | null>(null);
  return (
    <>
      <PageHeading title={t('certificates.signers.title')} />
      <Text mb="md" maw={720}>
        {t('certificates.signers.intro')}
      </Text>
      <Group mb="md">
        <Button loading={rotate.isPending} onClick={() => rotate.mutate()}>
          {t('certificates.signers.rotate')}
        </Button>
      </Group>
      {rotate.isError && <ProblemAlert error={rotate.error} />}
      {rotate.data && (
        <Alert color="green" variant="light" role="status" mb="md">
          {t('certificates.signers.rotated', { kid: rotate.data.kid ?? '' })}
        </Alert>
      )}
      {signers.isPending && <PageLoader />}
      {signers.isError && <ProblemAlert error={signers.error} onRetry={() => void signers.refetch()} />}
      {signers.data && (
        <DataTable minWidth={820} striped withTableBorder captionSide="top">
            <Table.Caption>
              <Text fw={600} ta="left">
                {t('certificates.signers.caption')}
              </Text>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('certificates.signers.role')}</Table.Th>
                <Table.Th>{t('certificates.signers.name')}</Table.Th>
                <Table.Th>{t('certificates.signers.kid')}</Table.Th>
                <Table.Th>{t('certificates.signers.validity')}</Table.Th>
                <Table.Th>{t('certificates.signers.state')}</Table.Th>
                <Table.Th>{t('certificates.table.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {signers.data.map((s) => (
                <Table.Tr key={`${s.role}-${s.kid ?? s.name}-${s.createdAt}`}>
                  <Table.Td>{t(`certificates.signers.${s.role}`)}</Table.Td>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{s.kid ? <Code>{s.kid}</Code> : '–'}</Table.Td>
                  <Table.Td>
                    <DateTime iso={s.validFrom} /> – <DateTime iso={s.validTo} />
                  </Table.Td>
                  <Table.Td>
                    <SignerState signer={s} />
                  </Table.Td>
                  <Table.Td>
                    {s.role === 'dsc' && s.kid && !s.revokedAt && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          revoke.reset();
                          setRevoking(s.kid);
                        }}
                      >
                        {t('certificates.signers.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
      )}
      {revoking && (
        <ReasonForm
          heading={t('certificates.signers.revokeHeading', { kid: revoking })}
          label="certificates.signers.revokeReason"
          description={t('certificates.signers.revokeWarning')}
          actions={[{ label: t('certificates.signers.revokeConfirm'), color: 'red', onReason: (reason) => revoke.mutate({ kid: revoking, reason }, { onSuccess: () => setRevoking(null) }) }]}
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={() => setRevoking(null)}
        />
      )}
    </>
  );
}

function SignerState({ signer: s }: { signer: Signer }) {
  const { t } = useT();
  if (s.revokedAt) return <Badge color="red" variant="light">{t('certificates.signers.revoked', { reason: s.revokedReason ?? '' })}</Badge>;
  if (s.retiredAt) return <Badge color="gray" variant="light">{t('certificates.signers.retired')}</Badge>;
  return s.role === 'dsc' ? <Badge color="green" variant="light">{t('certificates.signers.active')}</Badge> : null;
}
