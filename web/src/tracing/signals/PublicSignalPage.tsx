import type { FormEvent } from 'react';
import { Alert, Anchor, Button, Container, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { Link } from 'react-router';
import { useAuthConfig } from '../../api.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { PublicHeader } from '../../components/PublicHeader.js';
import { MAIN_CONTENT_ID, SkipLink } from '../../components/SkipLink.js';
import { useT } from '../../i18n/useT.js';
import { useTextFields } from '../useTextFields.js';
import { useSendSignal, type NewSignal } from './signalsApi.js';

const EMPTY: Required<NewSignal> = { senderName: '', senderContact: '', organisation: '', subject: '', message: '' };

/** `/tracing/signal`, outside the login: anyone (a school, a care home, a clinician) writes to Smittskydd's function mailbox. */
export function PublicSignalPage() {
  const { t } = useT();
  const config = useAuthConfig();
  const send = useSendSignal();
  const { values: form, field, reset } = useTextFields(EMPTY);
  const complete = form.senderName.trim() !== '' && form.senderContact.trim() !== '' && form.subject.trim() !== '' && form.message.trim() !== '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { organisation, ...required } = form;
    send.mutate({ ...required, ...(organisation.trim() ? { organisation: organisation.trim() } : {}) }, { onSuccess: reset });
  };

  return (
    <>
      <SkipLink />
      <PublicHeader regionName={config.data?.regionName} />
      <Container size="sm" py="xl" component="main" id={MAIN_CONTENT_ID} tabIndex={-1}>
        <PageHeading title={t('tracing.signal.title')} />
        <Text mb="md">{t('tracing.signal.intro')}</Text>
        {send.isSuccess ? (
          <Alert color="green" variant="light" role="status" title={t('tracing.signal.sent')}>
            {t('tracing.signal.sentText')}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('tracing.signal.senderName')} required autoComplete="name" {...field('senderName')} />
                <TextInput label={t('tracing.signal.senderContact')} description={t('tracing.signal.senderContactHelp')} required {...field('senderContact')} />
                <TextInput label={t('tracing.signal.organisation')} autoComplete="organization" {...field('organisation')} />
              </SimpleGrid>
              <TextInput label={t('tracing.signal.subject')} required {...field('subject')} />
              <Textarea label={t('tracing.signal.message')} description={t('tracing.signal.messageHelp')} required rows={5} {...field('message')} />
              {send.isError && <ProblemAlert error={send.error} />}
              <div>
                <Button type="submit" loading={send.isPending} disabled={!complete}>
                  {t('tracing.signal.submit')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
        <Anchor component={Link} to="/login" mt="xl" display="inline-block">
          {t('tracing.signal.toLogin')}
        </Anchor>
      </Container>
    </>
  );
}
