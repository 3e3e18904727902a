import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { CERTIFICATE_KINDS, useMyCertificates, useRequestCertificate, type MyCertificates } from './api.js';
import { CertificatesTable } from './CertificatesTable.js';
import { MissingDataForm } from './MissingDataForm.js';
import { RequestOutcomeAlert } from './RequestOutcomeAlert.js';
import { RequestsTable } from './RequestsTable.js';
import { useKindName } from './useKindName.js';

/** `/certificates` for a citizen: request a certificate for oneself or a child, see the outcome at once, and earlier ones. */
export function MyCertificatesPage() {
  const { t } = useT();
  const mine = useMyCertificates();
  const data = mine.data;
  const names = new Map(data?.people.map((p) => [p.personId, p.name]));
  const nameOf = (id: string) => names.get(id) ?? '';
  const several = (data?.people.length ?? 0) > 1;
  return (
    <>
      <PageHeading title={t('certificates.mine.title')} />
      <Text mb="xs" maw={720}>
        {t('certificates.mine.intro')}
      </Text>
      <Anchor component={Link} to="/verify" mb="lg" display="inline-block">
        {t('certificates.mine.verifyLink')}
      </Anchor>
      {mine.isPending && <PageLoader />}
      {mine.isError && <ProblemAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {data && (
        <Stack gap="xl" maw={900}>
          {data.people.map((p) => (
            <PersonRequests key={p.personId} person={p} />
          ))}
          {data.certificates.length === 0 ? (
            <EmptySection title={t('certificates.mine.certificatesHeading')} text={t('certificates.mine.noCertificates')} />
          ) : (
            <CertificatesTable caption={t('certificates.mine.certificatesHeading')} certificates={data.certificates} {...(several ? { nameOf } : {})} />
          )}
          {data.requests.length === 0 ? (
            <EmptySection title={t('certificates.mine.requestsHeading')} text={t('certificates.mine.noRequests')} />
          ) : (
            <RequestsTable caption={t('certificates.mine.requestsHeading')} requests={data.requests} {...(several ? { nameOf } : {})} />
          )}
          <MissingDataForm people={data.people} />
        </Stack>
      )}
    </>
  );
}

/** One person's request buttons and the outcome of the last request, shown at once. */
function PersonRequests({ person }: { person: MyCertificates['people'][number] }) {
  const { t } = useT();
  const kindName = useKindName();
  const request = useRequestCertificate();
  const headingId = `person-${person.personId}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {person.self ? t('certificates.mine.self', { name: person.name }) : t('certificates.mine.person', { name: person.name })}
      </Title>
      <Group gap="sm" mb="sm" role="group" aria-label={t('certificates.mine.requestHeading')}>
        {CERTIFICATE_KINDS.map((kind) => (
          <Button
            key={kind}
            variant={kind === 'vaccination' ? 'filled' : 'light'}
            loading={request.isPending && request.variables.kind === kind}
            disabled={request.isPending}
            onClick={() => request.mutate({ kind, ...(person.self ? {} : { personId: person.personId }) })}
          >
            {t('certificates.mine.request', { kind: kindName.inText(kind) })}
          </Button>
        ))}
      </Group>
      {request.isError && <ProblemAlert error={request.error} />}
      {request.data && <RequestOutcomeAlert kind={request.variables.kind} outcome={request.data} name={person.name} />}
    </Paper>
  );
}

function EmptySection({ title, text }: { title: string; text: string }) {
  return (
    <section>
      <Title order={2} size="h4" mb="xs">
        {title}
      </Title>
      <Text>{text}</Text>
    </section>
  );
}
