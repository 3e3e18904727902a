import { useState } from 'react';
import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { PersonFinder } from '../testing/PersonFinder.js';
import type { Person } from '../testing/testingApi.js';
import { CERTIFICATE_KINDS, useIssuePaper, usePersonCertificates, useRevokeCertificate, type Certificate, type CertificateKind, type PersonCertificates } from './api.js';
import { CertificatesTable } from './CertificatesTable.js';
import { ReasonForm } from './ReasonForm.js';
import { RequestOutcomeAlert } from './RequestOutcomeAlert.js';
import { RequestsTable } from './RequestsTable.js';
import { useKindName } from './useKindName.js';

/** The purpose written to the audit log when an administrator looks a person up. */
export const CERTIFICATE_LOOKUP_PURPOSE = 'handläggning av intyg';

/** `/certificates/person`: an administrator finds a person, sees and revokes their certificates, and issues paper certificates. */
export function PersonCertificatesPage() {
  const { t } = useT();
  const [person, setPerson] = useState<Person | null>(null);
  const details = usePersonCertificates(person?.id ?? null);
  return (
    <>
      <PageHeading title={t('certificates.person.title')} />
      <Text mb="md" maw={720}>
        {t('certificates.person.intro')}
      </Text>
      <Stack gap="lg" maw={900}>
        <PersonFinder person={person} onPerson={setPerson} purpose={CERTIFICATE_LOOKUP_PURPOSE} />
        {details.isLoading && <PageLoader />}
        {details.isError && <ProblemAlert error={details.error} onRetry={() => void details.refetch()} />}
        {details.data && <PersonDetails key={details.data.personId} person={details.data} />}
      </Stack>
    </>
  );
}

function PersonDetails({ person }: { person: PersonCertificates }) {
  const { t } = useT();
  const kindName = useKindName();
  const revoke = useRevokeCertificate();
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  return (
    <Stack gap="lg">
      <Text fw={600}>{person.digitalPossible ? t('certificates.person.digitalPossible') : t('certificates.person.digitalImpossible')}</Text>
      <PaperCertificateForm person={person} />
      {revoke.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {t('certificates.person.revoked')}
        </Alert>
      )}
      {person.certificates.length > 0 && (
        <CertificatesTable
          caption={t('certificates.mine.certificatesHeading')}
          certificates={person.certificates}
          actions={(c) =>
            c.status === 'valid' && (
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                onClick={() => {
                  revoke.reset();
                  setRevoking(c);
                }}
              >
                {t('certificates.person.revoke')}
              </Button>
            )
          }
        />
      )}
      {revoking && (
        <ReasonForm
          heading={t('certificates.person.revokeHeading', { kind: kindName.inText(revoking.kind) })}
          label="certificates.person.revokeReason"
          actions={[{ label: t('certificates.person.revokeConfirm'), color: 'red', onReason: (reason) => revoke.mutate({ id: revoking.id, reason }, { onSuccess: () => setRevoking(null) }) }]}
          pending={revoke.isPending}
          error={revoke.error}
          onCancel={() => setRevoking(null)}
        />
      )}
      {person.requests.length > 0 && <RequestsTable caption={t('certificates.mine.requestsHeading')} requests={person.requests} />}
    </Stack>
  );
}

function PaperCertificateForm({ person }: { person: PersonCertificates }) {
  const { t } = useT();
  const kindName = useKindName();
  const issue = useIssuePaper();
  const [kind, setKind] = useState<CertificateKind>('vaccination');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="paper-heading">
      <Title order={2} size="h3" id="paper-heading" mb="sm">
        {t('certificates.person.paperHeading')}
      </Title>
      <Group align="flex-end" mb="sm">
        <Select
          label={t('certificates.person.paperKind')}
          data={CERTIFICATE_KINDS.map((k) => ({ value: k, label: kindName.title(k) }))}
          value={kind}
          onChange={(v) => v && setKind(v as CertificateKind)}
          allowDeselect={false}
        />
        <Button loading={issue.isPending} onClick={() => issue.mutate({ personId: person.personId, kind })}>
          {t('certificates.person.issuePaper')}
        </Button>
      </Group>
      {issue.isError && <ProblemAlert error={issue.error} />}
      {issue.data && issue.variables && <RequestOutcomeAlert kind={issue.variables.kind} outcome={issue.data} name={person.name} paper />}
    </Paper>
  );
}
