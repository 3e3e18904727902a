import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import { isApiError } from '../api.js';
import { PageHeading } from '../components/PageHeading.js';
import { useT } from '../i18n/useT.js';
import { KitCodeField } from './KitCodeField.js';
import { TestingProblem } from './TestingProblem.js';
import { TEST_RESULTS, TEST_TYPES, useRegisterResult, type ResultOutcome, type TestResult, type TestType } from './testingApi.js';

const outcomeColor = { accepted: 'green', unchanged: 'blue', held: 'yellow', rejected: 'red' } as const;

/** `/testing/results` (lab): report one result and see what became of it. */
export function LabResultPage() {
  const { t } = useT();
  const [kitCode, setKitCode] = useState('');
  const [testType, setTestType] = useState<TestType>('pcr');
  const [result, setResult] = useState<TestResult | null>(null);
  const [method, setMethod] = useState('');
  const register = useRegisterResult();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (kitCode.trim() === '' || result === null) return;
    register.mutate({ kitCode: kitCode.trim(), testType, result, ...(method.trim() ? { method: method.trim() } : {}) });
  };
  // A conflicting result comes back as a 409 with the reason: show it as a refusal, like the outcome "rejected".
  const refused = isApiError(register.error) && register.error.status === 409 ? register.error : null;
  const outcome: ResultOutcome | null = register.isSuccess ? register.data : refused ? { status: 'rejected', reason: refused.problem.detail ?? refused.problem.title } : null;
  const fieldError = (field: string) => (isApiError(register.error) && register.error.fieldErrors.some((e) => e.field === field)) || undefined;

  return (
    <>
      <PageHeading title={t('testing.lab.resultTitle')} />
      <Text mb="lg" maw={720}>
        {t('testing.lab.resultIntro')}
      </Text>
      <Paper withBorder p="md" maw={720}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <KitCodeField
              value={kitCode}
              onChange={(v) => {
                setKitCode(v);
                register.reset();
              }}
              error={fieldError('kitCode')}
            />
            <NativeSelect
              label={t('testing.testType')}
              value={testType}
              onChange={(e) => setTestType(e.currentTarget.value as TestType)}
              data={TEST_TYPES.map((type) => ({ value: type, label: t(`testing.testTypes.${type}`) }))}
              maw={360}
              error={fieldError('testType')}
            />
            <Radio.Group label={t('testing.lab.result')} value={result} onChange={(v) => setResult(v as TestResult)} required error={fieldError('result')}>
              <Group mt="xs">
                {TEST_RESULTS.map((r) => (
                  <Radio key={r} value={r} label={t(`testing.results.${r}`)} />
                ))}
              </Group>
            </Radio.Group>
            <TextInput
              label={t('testing.lab.method')}
              description={t('testing.lab.methodHint')}
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value)}
              maw={480}
              autoComplete="off"
            />
            <Group>
              <Button type="submit" loading={register.isPending} disabled={kitCode.trim() === '' || result === null}>
                {t('testing.lab.submitResult')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {outcome && (
        <Alert color={outcomeColor[outcome.status]} variant="light" title={t(`testing.lab.outcomeTitle.${outcome.status}`)} role="status" mt="md" maw={720}>
          <Text>{t(`testing.lab.outcome.${outcome.status}`)}</Text>
          {outcome.status === 'rejected' && outcome.reason && <Text mt="xs">{t('testing.lab.outcome.reason', { reason: outcome.reason })}</Text>}
        </Alert>
      )}
      {register.isError && !refused && <TestingProblem error={register.error} />}
    </>
  );
}
