import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ok, type ResponseOf } from '../../api.js';
import { useT } from '../../i18n/useT.js';
import { Problem } from './Problem.js';

export type FoundPerson = ResponseOf<'/api/persons'>['people'][number];

/** Finds a person by identity number (checked by the server) or by name; every search is audited there. */
export function PersonSearch({ onPerson }: { onPerson: (p: FoundPerson) => void }) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const find = useMutation({
    mutationFn: (q: string) => {
      const byNumber = /^[\d\s+-]+$/.test(q);
      return ok(api.GET('/api/persons', { params: { query: { ...(byNumber ? { identityNumber: q } : { name: q }), purpose: 'vaccination', limit: 20 } } }));
    },
    onSuccess: ({ people }) => {
      if (people.length === 1) onPerson(people[0]!);
    },
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (query.trim()) find.mutate(query.trim());
  };
  const people = find.data?.people ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="vacc-find">
      <Title order={2} size="h3" id="vacc-find" mb="xs">
        {t('vaccination.find.heading')}
      </Title>
      <form onSubmit={submit} role="search" aria-labelledby="vacc-find" noValidate>
        <Group align="flex-end">
          <TextInput label={t('vaccination.find.query')} description={t('vaccination.find.hint')} value={query} onChange={(e) => setQuery(e.currentTarget.value)} autoComplete="off" required w={320} />
          <Button type="submit" loading={find.isPending}>
            {t('vaccination.find.search')}
          </Button>
        </Group>
      </form>
      {find.isError && <Problem error={find.error} />}
      {find.isSuccess && people.length === 0 && (
        <Text mt="sm" role="status">
          {t('vaccination.find.none')}
        </Text>
      )}
      {people.length > 1 && (
        <Stack gap={4} mt="sm">
          {people.map((p) => (
            <Group key={p.id} justify="space-between">
              <Text>{`${p.givenName} ${p.familyName}, ${p.identityNumber}`}</Text>
              <Button size="xs" variant="light" onClick={() => onPerson(p)} aria-label={t('vaccination.find.chooseName', { name: `${p.givenName} ${p.familyName}` })}>
                {t('vaccination.find.choose')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
