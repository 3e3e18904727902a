import { useState, type FormEvent } from 'react';
import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { QueryStatus } from '../tracing/QueryStatus.js';
import { CASE_TYPES, useCases, useRegisterCase, type CaseType } from './governanceApi.js';
import { useCanWrite } from './useCanWrite.js';

/** `/governance`: the case register, and for the secretary the registration of a new case. */
export function CasesPage() {
  const { t } = useT();
  const cases = useCases({});
  const canWrite = useCanWrite();
  return (
    <>
      <PageHeading title={t('governance.cases.title')} />
      {canWrite && <RegisterCaseForm />}
      <QueryStatus query={cases} />
      {cases.data && (
        <CaptionedTable caption={t('governance.cases.table')} minWidth={700} columns={[t('governance.cases.columns.caseNumber'), t('governance.cases.columns.type'), t('governance.cases.columns.title'), t('governance.cases.columns.status'), t('governance.cases.columns.receivedOn')]}>
          {cases.data.cases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/governance/cases/${c.id}`}>
                  {c.caseNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`governance.types.${c.type}`)}</Table.Td>
              <Table.Td>{c.title}</Table.Td>
              <Table.Td>{t(`governance.statuses.${c.status}`)}</Table.Td>
              <Table.Td>{c.receivedOn}</Table.Td>
            </Table.Tr>
          ))}
        </CaptionedTable>
      )}
      {cases.data?.cases.length === 0 && <Text>{t('governance.cases.none')}</Text>}
    </>
  );
}

function RegisterCaseForm() {
  const { t } = useT();
  const navigate = useNavigate();
  const [type, setType] = useState<CaseType>('citizen_proposal');
  const [title, setTitle] = useState('');
  const [caseOfficer, setCaseOfficer] = useState('');
  const [proposerName, setProposerName] = useState('');
  const [proposerEmail, setProposerEmail] = useState('');
  const [publishName, setPublishName] = useState(false);
  const register = useRegisterCase();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const proposer = type === 'citizen_proposal' ? { proposer: { name: proposerName.trim(), email: proposerEmail.trim() || null, publishName } } : {};
    register.mutate({ type, title: title.trim(), ...(caseOfficer.trim() ? { caseOfficer: caseOfficer.trim() } : {}), ...proposer }, { onSuccess: (c) => navigate(`/governance/cases/${c.id}`) });
  };
  return (
    <Paper withBorder p="md" mb="lg">
      <Title order={2} size="h3" mb="sm">
        {t('governance.cases.register')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NativeSelect label={t('governance.cases.type')} value={type} onChange={(e) => setType(e.currentTarget.value as CaseType)} data={CASE_TYPES.map((v) => ({ value: v, label: t(`governance.types.${v}`) }))} />
            <TextInput label={t('governance.cases.caseOfficer')} value={caseOfficer} onChange={(e) => setCaseOfficer(e.currentTarget.value)} />
          </Group>
          <TextInput label={t('governance.cases.caseTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          {type === 'citizen_proposal' && (
            <>
              <Group grow align="flex-start">
                <TextInput label={t('governance.cases.proposerName')} required value={proposerName} onChange={(e) => setProposerName(e.currentTarget.value)} />
                <TextInput label={t('governance.cases.proposerEmail')} type="email" value={proposerEmail} onChange={(e) => setProposerEmail(e.currentTarget.value)} />
              </Group>
              <Checkbox label={t('governance.cases.publishName')} checked={publishName} onChange={(e) => setPublishName(e.currentTarget.checked)} />
            </>
          )}
          {register.isError && <ProblemAlert error={register.error} />}
          <div>
            <Button type="submit" loading={register.isPending}>
              {t('governance.cases.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
