import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Checkbox, NativeSelect, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { PageHeading } from '../../components/PageHeading.js';
import { useT } from '../../i18n/useT.js';
import { TestingProblem } from '../TestingProblem.js';
import { TEST_TYPES, type TestType } from '../testingApi.js';
import { labelUrl, useWriteReferral } from './referralsApi.js';

/** Local wall-clock time for a datetime-local input: 2021-12-06T09:30. */
const localNow = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** `/testing/new` for a clinician: write a referral for a person, then print its label for the tube. */
export function WriteReferralPage() {
  const { t } = useT();
  const write = useWriteReferral();
  const [identityNumber, setIdentityNumber] = useState('');
  const [testType, setTestType] = useState<TestType>('pcr');
  const [indication, setIndication] = useState('');
  const [sampledByStaff, setSampledByStaff] = useState(true);
  const [samplingAt, setSamplingAt] = useState(localNow);
  const [urgency, setUrgency] = useState<'routine' | 'urgent'>('routine');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const at = new Date(samplingAt);
    write.mutate({ identityNumber, testType, indication, sampledByStaff, samplingAt: Number.isNaN(at.getTime()) ? samplingAt : at.toISOString(), urgency });
  };
  const done = write.isSuccess ? write.data : null;

  return (
    <>
      <PageHeading title={t('testing.referrals.writeTitle')} />
      <Text mb="lg" maw={720}>
        {t('testing.referrals.writeIntro')}
      </Text>
      <Stack gap="lg" maw={720}>
        <Paper withBorder p="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <TextInput label={t('testing.referrals.fields.identityNumber')} description={t('testing.referrals.fields.identityNumberHint')} value={identityNumber} onChange={(e) => setIdentityNumber(e.currentTarget.value)} required autoComplete="off" />
              <NativeSelect label={t('testing.referrals.fields.testType')} value={testType} onChange={(e) => setTestType(e.currentTarget.value as TestType)} data={TEST_TYPES.map((v) => ({ value: v, label: t(`testing.testTypes.${v}`) }))} />
              <Textarea label={t('testing.referrals.fields.indication')} value={indication} onChange={(e) => setIndication(e.currentTarget.value)} required autosize minRows={2} maxLength={500} />
              <Checkbox label={t('testing.referrals.fields.sampledByStaff')} description={t('testing.referrals.fields.sampledByStaffHint')} checked={sampledByStaff} onChange={(e) => setSampledByStaff(e.currentTarget.checked)} />
              <TextInput type="datetime-local" label={t('testing.referrals.fields.samplingAt')} value={samplingAt} onChange={(e) => setSamplingAt(e.currentTarget.value)} required />
              <NativeSelect
                label={t('testing.referrals.fields.urgency')}
                value={urgency}
                onChange={(e) => setUrgency(e.currentTarget.value as 'routine' | 'urgent')}
                data={[
                  { value: 'routine', label: t('testing.referrals.urgency.routine') },
                  { value: 'urgent', label: t('testing.referrals.urgency.urgent') },
                ]}
              />
              <Button type="submit" loading={write.isPending} w="fit-content">
                {t('testing.referrals.write')}
              </Button>
            </Stack>
          </form>
        </Paper>
        {write.isError && <TestingProblem error={write.error} headline={t('testing.referrals.writeProblem')} />}
        {done && (
          <Alert color="green" variant="light" title={t('testing.referrals.written', { code: done.code })} role="status">
            <Text mb="xs">
              {done.name} · {t(`testing.testTypes.${done.testType}`)} · {done.orderingUnitName}
            </Text>
            <Anchor href={labelUrl(done.id)} download>
              {t('testing.referrals.printLabel')}
            </Anchor>
          </Alert>
        )}
      </Stack>
    </>
  );
}
