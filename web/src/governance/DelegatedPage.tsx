import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { QueryStatus } from '../tracing/QueryStatus.js';
import { useDelegatedDecisions, useRegisterDelegated } from './governanceApi.js';
import { useCanWrite } from './useCanWrite.js';

/** `/governance/delegated`: decisions taken under delegation; each is reported to the next meeting by itself. */
export function DelegatedPage() {
  const { t } = useT();
  const canWrite = useCanWrite();
  const query = useDelegatedDecisions();
  const register = useRegisterDelegated();
  const empty = { title: '', delegate: '', delegationPoint: '', decidedOn: '', summary: '' };
  const [f, setF] = useState(empty);
  const input = (k: keyof typeof f) => ({ value: f[k], onChange: (e: { currentTarget: { value: string } }) => setF({ ...f, [k]: e.currentTarget.value }) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    register.mutate({ title: f.title.trim(), delegate: f.delegate.trim(), delegationPoint: f.delegationPoint.trim(), decidedOn: f.decidedOn, summary: f.summary.trim() }, { onSuccess: () => setF(empty) });
  };
  return (
    <>
      <PageHeading title={t('governance.delegated.title')} />
      {canWrite && (
        <Paper withBorder p="md" mb="lg">
          <Title order={2} size="h3" mb="sm">
            {t('governance.delegated.register')}
          </Title>
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput label={t('governance.delegated.decisionTitle')} required {...input('title')} />
              <Group grow align="flex-start">
                <TextInput label={t('governance.delegated.delegate')} required {...input('delegate')} />
                <TextInput label={t('governance.delegated.delegationPoint')} required {...input('delegationPoint')} />
                <TextInput label={t('governance.delegated.decidedOn')} type="date" required {...input('decidedOn')} />
              </Group>
              <Textarea label={t('governance.delegated.summary')} required autosize minRows={2} {...input('summary')} />
              {register.isError && <ProblemAlert error={register.error} />}
              <div>
                <Button type="submit" loading={register.isPending}>
                  {t('governance.delegated.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        </Paper>
      )}
      <QueryStatus query={query} />
      {query.data?.decisions.length === 0 && <Text>{t('governance.delegated.none')}</Text>}
      {query.data && query.data.decisions.length > 0 && (
        <CaptionedTable caption={t('governance.delegated.title')} minWidth={700} columns={[t('governance.cases.columns.caseNumber'), t('governance.delegated.decisionTitle'), t('governance.delegated.delegate'), t('governance.delegated.decidedOn')]}>
          {query.data.decisions.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>
                <Anchor component={Link} to={`/governance/cases/${d.caseId}`}>
                  {d.caseNumber}
                </Anchor>
              </Table.Td>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>
                {d.delegate} ({d.delegationPoint})
              </Table.Td>
              <Table.Td>{d.decidedOn}</Table.Td>
            </Table.Tr>
          ))}
        </CaptionedTable>
      )}
    </>
  );
}
