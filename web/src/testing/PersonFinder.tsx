import { useState, type FormEvent } from 'react';
import { Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useT } from '../i18n/useT.js';
import { TestingProblem } from './TestingProblem.js';
import { useFindPerson, type Person } from './testingApi.js';
import { isApiError } from '../api.js';

export interface PersonFinderProps {
  person: Person | null;
  onPerson: (person: Person | null) => void;
  /** Why the person is looked up, for the audit log (default: sampling). */
  purpose?: string;
}

export const personName = (p: Person) => `${p.givenName} ${p.familyName}`;

/** Finds a person by identity number (validated by the server) and shows who was chosen. */
export function PersonFinder({ person, onPerson, purpose }: PersonFinderProps) {
  const { t } = useT();
  const [identityNumber, setIdentityNumber] = useState('');
  const find = useFindPerson(purpose);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (identityNumber.trim() === '') return;
    find.mutate(identityNumber.trim(), {
      onSuccess: ({ people }) => onPerson(people.length === 1 ? people[0]! : null),
    });
  };

  if (person) {
    return (
      <Paper withBorder p="md" component="section" aria-labelledby="person-heading">
        <Title order={2} size="h3" id="person-heading" mb="xs">
          {t('testing.sampler.chosenPerson')}
        </Title>
        <Group justify="space-between">
          <Text fw={600}>{t('testing.sampler.person', { name: personName(person), identityNumber: person.identityNumber })}</Text>
          <Button
            variant="subtle"
            onClick={() => {
              onPerson(null);
              find.reset();
            }}
          >
            {t('testing.sampler.changePerson')}
          </Button>
        </Group>
      </Paper>
    );
  }

  const people = find.data?.people ?? [];
  const invalid = isApiError(find.error) && find.error.fieldErrors.some((e) => e.field === 'identityNumber');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="find-heading">
      <Title order={2} size="h3" id="find-heading" mb="xs">
        {t('testing.sampler.findHeading')}
      </Title>
      <form onSubmit={submit} noValidate role="search" aria-labelledby="find-heading">
        <Group align="flex-end">
          <TextInput
            label={t('testing.sampler.identityNumber')}
            description={t('testing.sampler.identityNumberHint')}
            value={identityNumber}
            onChange={(e) => setIdentityNumber(e.currentTarget.value)}
            error={invalid}
            autoComplete="off"
            required
            w={320}
          />
          <Button type="submit" loading={find.isPending}>
            {t('testing.sampler.find')}
          </Button>
        </Group>
      </form>
      {find.isError && <TestingProblem error={find.error} />}
      {find.isSuccess && people.length === 0 && (
        <Text mt="sm" role="status">
          {t('testing.sampler.notFound')}
        </Text>
      )}
      {people.length > 1 && (
        <Radio.Group label={t('testing.sampler.chosenPerson')} mt="md" onChange={(id) => onPerson(people.find((p) => p.id === id) ?? null)}>
          <Stack gap="xs" mt="xs">
            {people.map((p) => (
              <Radio key={p.id} value={p.id} label={t('testing.sampler.person', { name: personName(p), identityNumber: p.identityNumber })} />
            ))}
          </Stack>
        </Radio.Group>
      )}
    </Paper>
  );
}
