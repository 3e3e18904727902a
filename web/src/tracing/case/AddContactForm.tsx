import type { FormEvent } from 'react';
import { Button, Group, NativeSelect, SimpleGrid, TextInput, Title } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { useTextFields } from '../useTextFields.js';
import { useAddContact, type ContactRelation, type NewContact } from './caseApi.js';

const EMPTY = { name: '', phone: '', identityNumber: '', relation: 'close', context: '', exposureDate: '' };

/** The tracer names a contact the index did not (or could not) name in the questionnaire. */
export function AddContactForm({ caseId }: { caseId: string }) {
  const { t } = useT();
  const { values: form, field, reset } = useTextFields(EMPTY);
  const add = useAddContact(caseId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const contact: NewContact = { name: form.name.trim(), relation: form.relation as ContactRelation };
    for (const key of ['phone', 'identityNumber', 'context', 'exposureDate'] as const) {
      const value = form[key].trim();
      if (value !== '') contact[key] = value;
    }
    add.mutate(contact, { onSuccess: reset });
  };

  return (
    <form onSubmit={submit} aria-labelledby="add-contact-heading" noValidate>
      <Title order={3} size="h5" id="add-contact-heading" mb="xs">
        {t('tracing.case.addContact.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('tracing.case.addContact.name')} required {...field('name')} />
        <NativeSelect
          label={t('tracing.case.contacts.relation')}
          data={(['household', 'close'] as const).map((r) => ({ value: r, label: t(`tracing.case.contacts.relations.${r}`) }))}
          {...field('relation')}
        />
        <TextInput label={t('tracing.case.addContact.phone')} type="tel" autoComplete="off" {...field('phone')} />
        <TextInput label={t('tracing.case.addContact.identityNumber')} autoComplete="off" {...field('identityNumber')} />
        <TextInput label={t('tracing.case.addContact.context')} {...field('context')} />
        <TextInput label={t('tracing.case.addContact.exposureDate')} type="date" {...field('exposureDate')} />
      </SimpleGrid>
      {add.isError && <ProblemAlert error={add.error} />}
      <Group mt="sm">
        <Button type="submit" variant="light" loading={add.isPending} disabled={form.name.trim() === ''}>
          {t('tracing.case.addContact.submit')}
        </Button>
      </Group>
    </form>
  );
}
