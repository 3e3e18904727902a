import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useActor } from '../ActorContext.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { createAgreement, createRound, useAgreements, useOrganisations, useReportingMutation, useRounds, useTemplates, type RoundSummary } from './api.js';
import { DataTable } from '../components/DataTable.js';

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** `/reporting`: the rounds the signed-in person takes part in; the national analyst opens new ones here. */
export function RoundsPage() {
  const { t } = useT();
  const { role } = useActor();
  const rounds = useRounds();
  return (
    <>
      <PageHeading title={t('reporting.rounds.title')} />
      <Text mb="md" maw={720}>
        {t('reporting.rounds.intro')}
      </Text>
      {rounds.isLoading && <PageLoader />}
      {rounds.isError && <ProblemAlert error={rounds.error} onRetry={() => void rounds.refetch()} />}
      {rounds.data && <RoundsTable rounds={rounds.data.rounds} />}
      {role === 'national_analyst' && <NewRoundForm />}
    </>
  );
}

function RoundsTable({ rounds }: { rounds: RoundSummary[] }) {
  const { t } = useT();
  if (rounds.length === 0) return <Text>{t('reporting.rounds.empty')}</Text>;
  return (
    <DataTable minWidth={800} striped withTableBorder captionSide="top">
        <Table.Caption>{t('reporting.rounds.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {(['name', 'kind', 'period', 'deadline', 'phase', 'returns'] as const).map((c) => (
              <Table.Th key={c} scope="col">
                {t(`reporting.rounds.columns.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rounds.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/reporting/rounds/${r.id}`}>
                  {r.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{t(`reporting.kinds.${r.kind}`)}</Table.Td>
              <Table.Td>
                {r.periodFrom} – {r.periodTo}
              </Table.Td>
              <Table.Td>{r.deadline}</Table.Td>
              <Table.Td>
                <Badge color={r.phase === 'late' ? 'red' : r.phase === 'open' ? 'teal' : 'gray'} variant="light">
                  {t(`reporting.phases.${r.phase}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.returns.filter((x) => x.status === 'submitted').length} / {r.returns.length}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
  );
}

function NewRoundForm() {
  const { t } = useT();
  const agreements = useAgreements();
  const templates = useTemplates();
  const organisations = useOrganisations();
  const [agreementId, setAgreementId] = useState<string | null>(null);
  const [newAgreement, setNewAgreement] = useState('');
  const [versionId, setVersionId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<RoundSummary['kind']>('monthly');
  const start = today();
  const [dates, setDates] = useState({ periodFrom: addDays(start, -30), periodTo: addDays(start, -1), opensOn: start, deadline: addDays(start, 14) });
  const [orgs, setOrgs] = useState<string[]>([]);
  const create = useReportingMutation(async () => {
    const agreement = agreementId ?? (await createAgreement({ name: newAgreement })).id;
    return createRound({ agreementId: agreement, name, kind, templateVersionId: versionId ?? '', organisations: orgs.length ? orgs : undefined, ...dates });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(undefined);
  };
  const versions = (templates.data?.templates ?? []).flatMap((tpl) => tpl.versions.map((v) => ({ value: v.id, label: `${tpl.name}, version ${v.version}` })));
  return (
    <Stack component="form" onSubmit={submit} mt="xl" maw={900} aria-labelledby="new-round">
      <Title order={2} id="new-round">
        {t('reporting.newRound.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label={t('reporting.newRound.agreement')} data={[{ value: '', label: t('reporting.newRound.newAgreement') }, ...(agreements.data?.agreements ?? []).map((a) => ({ value: a.id, label: a.name }))]} value={agreementId ?? ''} onChange={(e) => setAgreementId(e.currentTarget.value || null)} />
        {!agreementId && <TextInput label={t('reporting.newRound.newAgreement')} value={newAgreement} onChange={(e) => setNewAgreement(e.currentTarget.value)} />}
        <NativeSelect label={t('reporting.newRound.template')} data={[{ value: '', label: '–' }, ...versions]} value={versionId ?? ''} onChange={(e) => setVersionId(e.currentTarget.value || null)} required />
        <TextInput label={t('reporting.newRound.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required />
        <NativeSelect label={t('reporting.newRound.kind')} data={(['monthly', 'quarterly', 'partial', 'final'] as const).map((k) => ({ value: k, label: t(`reporting.kinds.${k}`) }))} value={kind} onChange={(e) => setKind(e.currentTarget.value as RoundSummary['kind'])} required />
        {(['periodFrom', 'periodTo', 'opensOn', 'deadline'] as const).map((k) => (
          <TextInput key={k} type="date" label={t(`reporting.newRound.${k}`)} value={dates[k]} onChange={(e) => setDates({ ...dates, [k]: e.currentTarget.value })} required />
        ))}
      </SimpleGrid>
      <Checkbox.Group label={t('reporting.newRound.organisations')} value={orgs} onChange={setOrgs}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
          {(organisations.data?.organisations ?? []).map((o) => (
            <Checkbox key={o.code} value={o.code} label={o.name} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {create.isError && <ProblemAlert error={create.error} />}
      {create.isSuccess && <Text role="status">{t('reporting.newRound.created')}</Text>}
      <Group>
        <Button type="submit" loading={create.isPending}>
          {t('reporting.newRound.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
