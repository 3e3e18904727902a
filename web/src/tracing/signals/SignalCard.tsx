import type { ReactNode } from 'react';
import { Anchor, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { DateTime } from '../../components/DateTime.js';
import { useT } from '../../i18n/useT.js';
import type { Signal } from './signalsApi.js';

/** One message from the function mailbox; `children` for what can be done with it. */
export function SignalCard({ signal: s, children }: { signal: Signal; children?: ReactNode }) {
  const { t } = useT();
  const sender = [s.senderName, s.organisation, s.senderContact].filter(Boolean).join(', ');
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={`signal-${s.id}`}>
      <Title order={3} size="h5" id={`signal-${s.id}`}>
        {s.subject}
      </Title>
      <Text size="sm" c="dimmed" mb={4}>
        <DateTime iso={s.receivedAt} /> · {sender}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {s.message}
      </Text>
      {s.outbreakId && (
        <Text size="sm" mt={4}>
          {t('tracing.signals.linkedTo')}{' '}
          <Anchor component={Link} to={`/tracing/outbreaks/${s.outbreakId}`}>
            {s.outbreakLabel ?? s.outbreakId}
          </Anchor>
        </Text>
      )}
      {children}
    </Paper>
  );
}
