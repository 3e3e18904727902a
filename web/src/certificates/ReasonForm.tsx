import { useState, type ReactNode } from 'react';
import { Button, Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT, type TKey } from '../i18n/useT.js';

export interface ReasonAction {
  label: string;
  color?: string;
  onReason: (reason: string) => void;
}

export interface ReasonFormProps {
  heading: string;
  label: TKey;
  description?: ReactNode;
  actions: readonly ReasonAction[];
  pending: boolean;
  error: unknown;
  onCancel: () => void;
}

/** A decision that needs a written reason (approve/reject, revoke): the buttons stay disabled until one is written. */
export function ReasonForm({ heading, label, description, actions, pending, error, onCancel }: ReasonFormProps) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const written = reason.trim() !== '';
  return (
    <Paper withBorder p="md" component="section" aria-label={heading} mt="sm">
      <Title order={3} size="h4" mb="xs">
        {heading}
      </Title>
      <Stack gap="sm" maw={560}>
        <Textarea label={t(label)} description={description} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required maxLength={1000} rows={3} />
        {error ? <ProblemAlert error={error} /> : null}
        <Group gap="sm">
          {actions.map((a) => (
            <Button key={a.label} color={a.color} disabled={!written} loading={pending} onClick={() => a.onReason(reason.trim())}>
              {a.label}
            </Button>
          ))}
          <Button variant="subtle" onClick={onCancel}>
            {t('certificates.queue.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
