import { useState, type FormEvent } from 'react';
import { Button, Paper, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { CERTIFICATE_KINDS, MISSING_REASONS, useRequestCertificate, type CertificateKind, type MissingReason, type MyCertificates } from './api.js';
import { RequestOutcomeAlert } from './RequestOutcomeAlert.js';
import { useKindName } from './useKindName.js';

/** A citizen says what is missing from their (or a child's) record: the request goes to an administrator's queue. */
export function MissingDataForm({ people }: { people: MyCertificates['people'] }) {
  const { t } = useT();
  const kindName = useKindName();
  const send = useRequestCertificate();
  const [personId, setPersonId] = useState(people[0]?.personId ?? '');
  const [kind, setKind] = useState<CertificateKind>('vaccination');
  const [missing, setMissing] = useState<MissingReason | ''>('');
  const [note, setNote] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (missing === '') return;
    send.mutate({ kind, personId, missing, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => setNote('') });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="missing-heading">
      <Title order={2} size="h3" id="missing-heading" mb="xs">
        {t('certificates.mine.missingHeading')}
      </Title>
      <Text size="sm" mb="sm">
        {t('certificates.mine.missingIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={520}>
          {people.length > 1 && (
            <Select
              label={t('certificates.mine.missingPerson')}
              data={people.map((p) => ({ value: p.personId, label: p.name }))}
              value={personId}
              onChange={(v) => v && setPersonId(v)}
              allowDeselect={false}
            />
          )}
          <Select
            label={t('certificates.mine.missingKind')}
            data={CERTIFICATE_KINDS.map((k) => ({ value: k, label: kindName.title(k) }))}
            value={kind}
            onChange={(v) => v && setKind(v as CertificateKind)}
            allowDeselect={false}
          />
          <Radio.Group label={t('certificates.mine.missingReason')} value={missing} onChange={(v) => setMissing(v as MissingReason)} required>
            <Stack gap="xs" mt="xs">
              {MISSING_REASONS.map((r) => (
                <Radio key={r} value={r} label={t(`certificates.missing.${r}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea label={t('certificates.mine.note')} description={t('certificates.mine.noteHelp')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} rows={3} />
          {send.isError && <ProblemAlert error={send.error} />}
          {send.data && send.variables && <RequestOutcomeAlert kind={send.variables.kind} outcome={send.data} />}
          <div>
            <Button type="submit" disabled={missing === ''} loading={send.isPending}>
              {t('certificates.mine.sendMissing')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
