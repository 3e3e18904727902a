import { useState } from 'react';
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { DateTime } from '../components/DateTime.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useDecideRequest, useReviewQueue, type QueuedRequest } from './api.js';
import { ReasonForm } from './ReasonForm.js';
import { useKindName } from './useKindName.js';

/** `/certificates` for an administrator: requests the rules could not decide, each approved or rejected with a written reason. */
export function QueuePage() {
  const { t } = useT();
  const queue = useReviewQueue();
  const decide = useDecideRequest();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageHeading title={t('certificates.queue.title')} />
      <Text mb="md" maw={720}>
        {t('certificates.queue.intro')}
      </Text>
      {decide.isSuccess && (
        <Alert color="green" variant="light" role="status" mb="md">
          {decide.data.status === 'issued' ? t('certificates.queue.approved') : t('certificates.queue.rejected')}
        </Alert>
      )}
      {queue.isPending && <PageLoader />}
      {queue.isError && <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && queue.data.length === 0 && <Text>{t('certificates.queue.empty')}</Text>}
      {queue.data && queue.data.length > 0 && (
        <Stack gap="md" maw={820} component="ul" p={0} style={{ listStyle: 'none' }} aria-label={t('certificates.queue.caption')}>
          {queue.data.map((r) => (
            <li key={r.id}>
              <QueuedCard
                request={r}
                open={open === r.id}
                onOpen={() => {
                  decide.reset();
                  setOpen(r.id);
                }}
                onClose={() => setOpen(null)}
                decide={decide}
              />
            </li>
          ))}
        </Stack>
      )}
    </>
  );
}

interface QueuedCardProps {
  request: QueuedRequest;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  decide: ReturnType<typeof useDecideRequest>;
}

function QueuedCard({ request: r, open, onOpen, onClose, decide }: QueuedCardProps) {
  const { t } = useT();
  const kindName = useKindName();
  const heading = `${r.name}${r.identityNumber ? `, ${r.identityNumber}` : ''}: ${kindName.inText(r.kind)}`;
  const decideWith = (decision: 'approve' | 'reject') => (reason: string) => decide.mutate({ id: r.id, decision, reason }, { onSuccess: onClose });
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`request-${r.id}`}>
      <Title order={2} size="h4" id={`request-${r.id}`}>
        {heading}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('certificates.table.requestedAt')} <DateTime iso={r.requestedAt} />
      </Text>
      <Text size="sm">
        <strong>{t('certificates.queue.missing')}:</strong> {r.missing}
      </Text>
      {r.note && (
        <Text size="sm">
          <strong>{t('certificates.queue.note')}:</strong> {r.note}
        </Text>
      )}
      {open ? (
        <ReasonForm
          heading={t('certificates.queue.decideFor', { name: r.name, kind: kindName.inText(r.kind) })}
          label="certificates.queue.reason"
          description={t('certificates.queue.reasonHelp')}
          actions={[
            { label: t('certificates.queue.approve'), onReason: decideWith('approve') },
            { label: t('certificates.queue.reject'), color: 'red', onReason: decideWith('reject') },
          ]}
          pending={decide.isPending}
          error={decide.error}
          onCancel={onClose}
        />
      ) : (
        <Button mt="sm" variant="light" onClick={onOpen}>
          {t('certificates.queue.decide')}
        </Button>
      )}
    </Paper>
  );
}
