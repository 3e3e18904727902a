import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { isApiError } from '../api.js';
import { PageHeading } from '../components/PageHeading.js';
import { useT } from '../i18n/useT.js';
import { KitLabel } from './KitLabel.js';
import { TestingProblem } from './TestingProblem.js';
import { TEST_TYPES, useIssueKits, type TestType } from './testingApi.js';
import './testing.css';

const MAX_LABELS = 200;

/** `/testing/kits` (lab, sampler): issue a batch of kit ids and print their QR labels. */
export function PrintKitsPage() {
  const { t } = useT();
  const [count, setCount] = useState<number | string>(12);
  const [testType, setTestType] = useState<TestType>('pcr');
  const [batch, setBatch] = useState('');
  const issue = useIssueKits();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const n = typeof count === 'number' ? count : Number.parseInt(count, 10);
    issue.mutate({ testType, count: Number.isFinite(n) ? n : 0, ...(batch.trim() ? { batch: batch.trim() } : {}) });
  };
  const fieldError = (field: string) => (isApiError(issue.error) && issue.error.fieldErrors.some((e) => e.field === field)) || undefined;

  return (
    <>
      <PageHeading title={t('testing.lab.kitsTitle')} />
      <Text mb="lg" maw={720}>
        {t('testing.lab.kitsIntro')}
      </Text>
      <Paper withBorder p="md" maw={720}>
        <form onSubmit={submit} noValidate>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('testing.lab.count')}
              description={t('testing.lab.countHint')}
              value={count}
              onChange={setCount}
              min={1}
              max={MAX_LABELS}
              clampBehavior="strict"
              allowDecimal={false}
              allowNegative={false}
              required
              error={fieldError('count')}
            />
            <NativeSelect
              label={t('testing.testType')}
              value={testType}
              onChange={(e) => setTestType(e.currentTarget.value as TestType)}
              data={TEST_TYPES.map((type) => ({ value: type, label: t(`testing.testTypes.${type}`) }))}
            />
            <TextInput
              label={t('testing.lab.batch')}
              description={t('testing.lab.batchHint')}
              value={batch}
              onChange={(e) => setBatch(e.currentTarget.value)}
              autoComplete="off"
              error={fieldError('batch')}
            />
          </SimpleGrid>
          <Button type="submit" mt="md" loading={issue.isPending}>
            {t('testing.lab.issue')}
          </Button>
        </form>
      </Paper>
      {issue.isError && <TestingProblem error={issue.error} />}
      {issue.isSuccess && (
        <section aria-labelledby="labels-heading" style={{ marginTop: 'var(--mantine-spacing-xl)' }}>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3" id="labels-heading">
              {t('testing.lab.labelsHeading')}
            </Title>
            <Button variant="light" onClick={() => window.print()}>
              {t('testing.lab.print')}
            </Button>
          </Group>
          <Text mb="md" role="status">
            {t('testing.lab.batchInfo', { batch: issue.data.batch, count: issue.data.kits.length, type: t(`testing.testTypes.${issue.data.testType}`) })}
          </Text>
          <div className="print-area">
            <ul className="kit-labels" aria-label={t('testing.lab.labelsHeading')}>
              {issue.data.kits.map((code) => (
                <KitLabel key={code} code={code} />
              ))}
            </ul>
          </div>
        </section>
      )}
    </>
  );
}
