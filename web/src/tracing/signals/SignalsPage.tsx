import { useState, type FormEvent } from 'react';
import { Anchor, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useActor } from '../../ActorContext.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { QueryStatus } from '../QueryStatus.js';
import { useOutbreaks, type OutbreakSummary } from '../outbreaks/outbreaksApi.js';
import { SignalCard } from './SignalCard.js';
import { useLinkSignal, useSignals, type Signal } from './signalsApi.js';

/** `/tracing/signals`: the function mailbox, newest first; Smittskydd links each message to its outbreak. */
export function SignalsPage() {
  const { t } = useT();
  const { role } = useActor();
  const links = role === 'smittskydd';
  const signals = useSignals();
  // Only Smittskydd links a message to an outbreak, so only Smittskydd needs the list to choose from.
  const outbreaks = useOutbreaks(links);
  const list = signals.data?.signals ?? [];
  return (
    <>
      <PageHeading title={t('tracing.signals.title')} />
      <Text mb="xs" maw={720}>
        {t('tracing.signals.intro')}
      </Text>
      <Anchor component={Link} to="/tracing/signal" mb="lg" display="inline-block">
        {t('tracing.signals.publicForm')}
      </Anchor>
      <QueryStatus query={signals} />
      {outbreaks.isError && <ProblemAlert error={outbreaks.error} />}
      {signals.data && list.length === 0 && <Text>{t('tracing.signals.none')}</Text>}
      <Stack gap="sm" maw={820}>
        {list.map((s) => (
          <SignalCard key={s.id} signal={s}>
            {links && !s.outbreakId && <LinkSignalForm signal={s} outbreaks={outbreaks.data?.outbreaks ?? []} />}
          </SignalCard>
        ))}
      </Stack>
    </>
  );
}

function LinkSignalForm({ signal, outbreaks }: { signal: Signal; outbreaks: readonly OutbreakSummary[] }) {
  const { t } = useT();
  const [outbreakId, setOutbreakId] = useState('');
  const link = useLinkSignal();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (outbreakId !== '') link.mutate({ signalId: signal.id, outbreakId });
  };
  const data = [
    { value: '', label: t('tracing.signals.chooseOutbreak'), disabled: true },
    ...outbreaks.filter((o) => o.status === 'open').map((o) => ({ value: o.id, label: o.label })),
  ];
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" mt="sm" gap="xs">
        <NativeSelect size="xs" label={t('tracing.signals.linkLabel', { subject: signal.subject })} data={data} value={outbreakId} onChange={(e) => setOutbreakId(e.currentTarget.value)} />
        <Button type="submit" size="xs" variant="light" loading={link.isPending} disabled={outbreakId === ''}>
          {t('tracing.signals.link')}
        </Button>
      </Group>
      {link.isError && <ProblemAlert error={link.error} />}
    </form>
  );
}
