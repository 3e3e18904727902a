import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { PageHeading } from '../components/PageHeading.js';
import { useT } from '../i18n/useT.js';
import { KitLabel } from './KitLabel.js';
import { PersonFinder } from './PersonFinder.js';
import { TestingProblem } from './TestingProblem.js';
import { TEST_TYPES, useCollectSample, type Person, type TestType } from './testingApi.js';
import './testing.css';

/** `/testing/sample` (sampler): record a sample taken by staff and print its label with the new kit id. */
export function SamplerSamplePage() {
  const { t } = useT();
  const [person, setPerson] = useState<Person | null>(null);
  const [testType, setTestType] = useState<TestType>('pcr');
  const [provider, setProvider] = useState('');
  const collect = useCollectSample();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person) return;
    collect.mutate({ personId: person.id, testType, ...(provider.trim() ? { provider: provider.trim() } : {}) });
  };

  return (
    <>
      <PageHeading title={t('testing.sampler.sampleTitle')} />
      <Text mb="lg" maw={720}>
        {t('testing.sampler.sampleIntro')}
      </Text>
      <Stack gap="lg" maw={720}>
        <PersonFinder
          person={person}
          onPerson={(p) => {
            setPerson(p);
            collect.reset();
          }}
        />
        {person && !collect.isSuccess && (
          <Paper withBorder p="md">
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <NativeSelect
                  label={t('testing.testType')}
                  value={testType}
                  onChange={(e) => setTestType(e.currentTarget.value as TestType)}
                  data={TEST_TYPES.map((type) => ({ value: type, label: t(`testing.testTypes.${type}`) }))}
                  maw={320}
                />
                <TextInput
                  label={t('testing.sampler.provider')}
                  description={t('testing.sampler.providerHint')}
                  value={provider}
                  onChange={(e) => setProvider(e.currentTarget.value)}
                  autoComplete="off"
                  maw={480}
                />
                {collect.isError && <TestingProblem error={collect.error} />}
                <div>
                  <Button type="submit" loading={collect.isPending}>
                    {t('testing.sampler.submitSample')}
                  </Button>
                </div>
              </Stack>
            </form>
          </Paper>
        )}
        {collect.isSuccess && (
          <section aria-labelledby="label-heading">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h3" id="label-heading">
                {t('testing.sampler.labelHeading')}
              </Title>
              <Button variant="light" onClick={() => window.print()}>
                {t('testing.sampler.printLabel')}
              </Button>
            </Group>
            <Text mb="md" role="status">
              {t('testing.sampler.labelIntro')}
            </Text>
            <div className="print-area">
              <ul className="kit-labels" aria-label={t('testing.sampler.labelHeading')} style={{ maxWidth: 240 }}>
                <KitLabel code={collect.data.kitCode} caption={collect.data.label.split(' · ')[0]} />
              </ul>
            </div>
          </section>
        )}
      </Stack>
    </>
  );
}
