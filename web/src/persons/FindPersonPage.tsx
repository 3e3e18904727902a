import { Alert, Button, Group, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../api.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useFindPerson, type FindPersonQuery, type FoundPeople } from './personsApi.js';
import { DataTable } from '../components/DataTable.js';

const EMPTY = { identityNumber: '', name: '', birthDate: '', purpose: '' };

/** The query the form makes: the identity number if given, else name and birth date (the server says what is missing). */
function toQuery(form: typeof EMPTY): FindPersonQuery {
  const purpose = form.purpose.trim();
  const identityNumber = form.identityNumber.trim();
  if (identityNumber) return { identityNumber, purpose };
  return { ...(form.name.trim() ? { name: form.name.trim() } : {}), ...(form.birthDate ? { birthDate: form.birthDate } : {}), purpose };
}

/** `/persons`: staff find one person by identity number, or by name and birth date, with a reason for the log. */
export function FindPersonPage() {
  const { t } = useT();
  const [form, setForm] = useState(EMPTY);
  const [purposeMissing, setPurposeMissing] = useState(false);
  const find = useFindPerson();
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const fieldError = (field: string) => (isApiError(find.error) ? find.error.fieldErrors.find((e) => e.field === field)?.message : undefined);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const missing = form.purpose.trim() === '';
    setPurposeMissing(missing);
    if (!missing) find.mutate(toQuery(form));
  };

  return (
    <>
      <PageHeading title={t('persons.title')} />
      <Text mb="md" maw={720}>
        {t('persons.intro')}
      </Text>
      <form role="search" aria-label={t('persons.title')} onSubmit={submit} noValidate>
        <Stack maw={560} gap="sm">
          <TextInput
            label={t('persons.identityNumber')}
            description={t('persons.identityNumberHelp')}
            value={form.identityNumber}
            onChange={(e) => set('identityNumber')(e.currentTarget.value)}
            error={fieldError('identityNumber')}
            autoComplete="off"
          />
          <Text size="sm" c="dimmed">
            {t('persons.or')}
          </Text>
          <Group grow align="flex-start">
            <TextInput label={t('persons.name')} description={t('persons.nameHelp')} value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} error={fieldError('name')} autoComplete="off" />
            <TextInput label={t('persons.birthDate')} type="date" value={form.birthDate} onChange={(e) => set('birthDate')(e.currentTarget.value)} error={fieldError('birthDate')} />
          </Group>
          <Textarea
            label={t('persons.purpose')}
            description={t('persons.purposeHelp')}
            value={form.purpose}
            onChange={(e) => set('purpose')(e.currentTarget.value)}
            error={purposeMissing ? t('persons.purposeRequired') : fieldError('purpose')}
            required
            rows={2}
          />
          <Group>
            <Button type="submit" loading={find.isPending}>
              {t('persons.search')}
            </Button>
          </Group>
        </Stack>
      </form>
      {find.isError && <ProblemAlert error={find.error} />}
      {find.data && <Results found={find.data} />}
    </>
  );
}

function Results({ found }: { found: FoundPeople }) {
  const { t } = useT();
  if (found.people.length === 0)
    return (
      <Text mt="lg" role="status">
        {t('persons.none')}
      </Text>
    );
  return (
    <Stack mt="lg">
      {found.more && (
        <Alert color="yellow" role="status">
          {t('persons.more')}
        </Alert>
      )}
      <DataTable minWidth={700} striped withTableBorder captionSide="top">
          <Table.Caption>{t('persons.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('persons.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('persons.columns.identityNumber')}</Table.Th>
              <Table.Th scope="col">{t('persons.columns.birthDate')}</Table.Th>
              <Table.Th scope="col">{t('persons.columns.age')}</Table.Th>
              <Table.Th scope="col">{t('persons.columns.address')}</Table.Th>
              <Table.Th scope="col">{t('persons.columns.phone')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.people.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row">{`${p.givenName} ${p.familyName}`}</Table.Th>
                <Table.Td>{p.identityNumber}</Table.Td>
                <Table.Td>{p.birthDate ?? '–'}</Table.Td>
                <Table.Td>{p.age === null ? '–' : t('persons.age', { age: p.age })}</Table.Td>
                <Table.Td>{[p.streetAddress, [p.postalCode, p.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}</Table.Td>
                <Table.Td>{p.phone ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
    </Stack>
  );
}
