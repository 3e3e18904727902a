import { Alert, Anchor, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useActor } from '../../ActorContext.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { TEST_TYPES, useReimbursementRates, useSetReimbursementRate, type TestType } from './api.js';
import { formatCount } from './format.js';

/** `/testing/statistics/rates`: the state's flat rates with their history; the national analyst sets a new one from a day. */
export function RatesPage() {
  const { t, language } = useT();
  const { role } = useActor();
  const rates = useReimbursementRates();
  return (
    <>
      <PageHeading title={t('testingStats.rates.title')} />
      <Anchor component={Link} to=".." relative="path" mb="sm" display="inline-block">
        {t('testingStats.back')}
      </Anchor>
      <Text mb="md">{t('testingStats.rates.intro')}</Text>
      {rates.error ? <ProblemAlert error={rates.error} /> : null}
      {rates.isLoading ? <PageLoader /> : null}
      {rates.data ? (
        <Table striped withTableBorder captionSide="top" mb="xl">
          <Table.Caption>
            <Title order={2} size="h4" ta="left">
              {t('testingStats.rates.caption')}
            </Title>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('testingStats.reimbursement.testType')}</Table.Th>
              <Table.Th>{t('testingStats.rates.validFrom')}</Table.Th>
              <Table.Th>{t('testingStats.rates.validTo')}</Table.Th>
              <Table.Th ta="right">{t('testingStats.rates.sek')}</Table.Th>
              <Table.Th>{t('testingStats.rates.staffOnly')}</Table.Th>
              <Table.Th>{t('testingStats.rates.source')}</Table.Th>
              <Table.Th>{t('testingStats.rates.setBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rates.data.rates.map((r) => (
              <Table.Tr key={`${r.testType}-${r.validFrom}`}>
                <Table.Td>{t(`testingStats.testTypes.${r.testType}`)}</Table.Td>
                <Table.Td>{r.validFrom}</Table.Td>
                <Table.Td>{r.validTo ?? t('testingStats.rates.open')}</Table.Td>
                <Table.Td ta="right">{formatCount(r.sek, language)}</Table.Td>
                <Table.Td>{r.staffCollectedOnly ? t('common.yes') : t('common.no')}</Table.Td>
                <Table.Td>{r.source}</Table.Td>
                <Table.Td>{r.setBy ? `${r.setBy}, ${r.setAt!.slice(0, 10)}` : t('testingStats.rates.seeded')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {role === 'national_analyst' ? <NewRateForm /> : null}
    </>
  );
}

function NewRateForm() {
  const { t } = useT();
  const save = useSetReimbursementRate();
  const [testType, setTestType] = useState<TestType>('pcr');
  const [validFrom, setValidFrom] = useState('');
  const [sek, setSek] = useState<number | string>('');
  const [staffCollectedOnly, setStaffCollectedOnly] = useState(false);
  const [source, setSource] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ testType, validFrom, sek: Number(sek), staffCollectedOnly, source });
  };
  return (
    <Paper withBorder p="md" maw={640} component="form" onSubmit={submit} aria-labelledby="new-rate-heading">
      <Stack>
        <Title order={2} size="h4" id="new-rate-heading">
          {t('testingStats.rates.formTitle')}
        </Title>
        <Text size="sm">{t('testingStats.rates.formIntro')}</Text>
        <Group grow>
          <Select
            label={t('testingStats.reimbursement.testType')}
            data={TEST_TYPES.map((type) => ({ value: type, label: t(`testingStats.testTypes.${type}`) }))}
            value={testType}
            onChange={(v) => v && setTestType(v as TestType)}
            allowDeselect={false}
          />
          <TextInput type="date" required label={t('testingStats.rates.validFrom')} value={validFrom} onChange={(e) => setValidFrom(e.currentTarget.value)} />
          <NumberInput required label={t('testingStats.rates.sek')} min={0} decimalScale={2} decimalSeparator="," thousandSeparator=" " value={sek} onChange={setSek} />
        </Group>
        <Checkbox label={t('testingStats.rates.staffOnly')} checked={staffCollectedOnly} onChange={(e) => setStaffCollectedOnly(e.currentTarget.checked)} />
        <TextInput required label={t('testingStats.rates.source')} maxLength={300} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
        {save.error ? <ProblemAlert error={save.error} /> : null}
        {save.isSuccess ? (
          <Alert color="green" role="status">
            {t('testingStats.rates.saved')}
          </Alert>
        ) : null}
        <div>
          <Button type="submit" loading={save.isPending}>
            {t('testingStats.rates.save')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
