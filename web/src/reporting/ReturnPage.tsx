import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useActor } from '../ActorContext.js';
import { DateTime } from '../components/DateTime.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { prefillReturn, readAnswerHistory, saveAnswers, submitReturn, useReportingMutation, useReturn, type AnswerValue, type ReturnView } from './api.js';
import { QuestionField } from './QuestionField.js';

/** `/reporting/rounds/:id/returns/:organisation`: the answering form of one organisation's return. */
export function ReturnPage() {
  const { id = '', organisation = '' } = useParams();
  const view = useReturn(id, organisation);
  if (view.isLoading) return <PageLoader />;
  if (view.isError || !view.data) return <ProblemAlert error={view.error} onRetry={() => void view.refetch()} />;
  return <ReturnForm view={view.data} />;
}

function ReturnForm({ view }: { view: ReturnView }) {
  const { t } = useT();
  const { role } = useActor();
  const [edits, setEdits] = useState<Record<string, AnswerValue>>({});
  const answering = role === 'analyst' && !view.locked;
  const answerOf = (qid: string) => view.answers.find((a) => a.questionId === qid);
  const save = useReportingMutation(() =>
    saveAnswers(view.roundId, view.organisation.code, { answers: Object.entries(edits).map(([questionId, value]) => ({ questionId, value, version: answerOf(questionId)?.version ?? 0 })) }),
  );
  const submit = useReportingMutation(() => submitReturn(view.roundId, view.organisation.code));
  const prefill = useReportingMutation((from: 'previous-round' | 'live-data') => prefillReturn(view.roundId, view.organisation.code, from));
  const onSave = () => save.mutate(undefined, { onSuccess: () => setEdits({}) });
  const dirty = Object.keys(edits).length > 0;

  return (
    <>
      <PageHeading title={`${view.roundName}: ${view.organisation.name}`} />
      <Group mb="md" gap="md">
        <Text>
          {t('reporting.answer.status')}: <strong>{t(`reporting.statuses.${view.status}`)}</strong>
        </Text>
        <Text>{t('reporting.answer.deadline', { date: view.deadline })}</Text>
      </Group>
      {view.reopenReason && (
        <Alert color="orange" variant="light" mb="md" role="status">
          {t('reporting.answer.reopened', { reason: view.reopenReason })}
        </Alert>
      )}
      {view.locked && view.submittedAt && (
        <Alert color="teal" variant="light" mb="md" role="status">
          {t('reporting.answer.submitted', { at: new Date(view.submittedAt).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }) })}{' '}
          {view.receivedAt ? t('reporting.answer.received', { at: new Date(view.receivedAt).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }) }) : t('reporting.answer.notReceived')}
        </Alert>
      )}
      <Card withBorder mb="md" maw={900}>
        <Title order={2} size="h4">
          {t('reporting.answer.missingTitle')}
        </Title>
        {view.missing.length === 0 ? (
          <Text>{t('reporting.answer.noneMissing')}</Text>
        ) : (
          <List aria-label={t('reporting.answer.missingTitle')}>
            {view.missing.map((m) => (
              <List.Item key={m.questionId}>{m.label}</List.Item>
            ))}
          </List>
        )}
      </Card>
      {answering && (
        <Group mb="md">
          <Button variant="outline" onClick={() => prefill.mutate('previous-round')} loading={prefill.isPending}>
            {t('reporting.answer.prefillPrevious')}
          </Button>
          {view.organisation.kind === 'region' && (
            <Button variant="outline" onClick={() => prefill.mutate('live-data')} loading={prefill.isPending}>
              {t('reporting.answer.prefillLive')}
            </Button>
          )}
          {prefill.isSuccess && <Text role="status">{t('reporting.answer.prefilled', { count: prefill.data.filled.length })}</Text>}
        </Group>
      )}
      {prefill.isError && <ProblemAlert error={prefill.error} />}
      <Stack maw={900} gap="xl">
        {view.template.content.sections.map((s) => (
          <Stack key={s.id} gap="md" component="section" aria-labelledby={`section-${s.id}`}>
            <Title order={2} size="h3" id={`section-${s.id}`}>
              {s.title}
            </Title>
            {s.questions.map((q) => {
              const saved = answerOf(q.id);
              return (
                <QuestionField
                  key={q.id}
                  question={q}
                  value={q.id in edits ? edits[q.id] : saved?.value}
                  readOnly={!answering}
                  note={saved?.prefilledFrom ? t('reporting.answer.prefilledFrom', { source: saved.prefilledFrom }) : undefined}
                  // The field gives the value its question's kind takes; the server checks it against the template.
                  onChange={(v) => setEdits((e) => ({ ...e, [q.id]: v as AnswerValue }))}
                />
              );
            })}
          </Stack>
        ))}
      </Stack>
      {save.isError && <ProblemAlert error={save.error} />}
      {submit.isError && <ProblemAlert error={submit.error} />}
      {save.isSuccess && !dirty && <Text role="status">{t('reporting.answer.saved')}</Text>}
      {answering && (
        <Group mt="lg">
          <Button variant="outline" onClick={onSave} disabled={!dirty} loading={save.isPending}>
            {t('reporting.answer.save')}
          </Button>
          <Button onClick={() => submit.mutate(undefined)} disabled={dirty} loading={submit.isPending}>
            {t('reporting.answer.submit')}
          </Button>
        </Group>
      )}
      <AnswerHistory view={view} />
      {view.events.length > 0 && (
        <Stack mt="xl" maw={900} gap="xs">
          <Title order={2} size="h4">
            {t('reporting.answer.events')}
          </Title>
          <List>
            {view.events.map((e, i) => (
              <List.Item key={i}>
                <DateTime iso={e.at} />: {e.kind.startsWith('reminder') ? t('reporting.answer.reminder', { note: e.note ?? '', missing: (e.missing ?? []).join(', ') || '–' }) : `${e.kind}${e.note ? `: ${e.note}` : ''}`} ({e.by})
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
    </>
  );
}

/** Every saved version of every answer, newest first: who changed what and when (kept by the server, never overwritten). */
function AnswerHistory({ view }: { view: ReturnView }) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ['reporting', 'history', view.roundId, view.organisation.code, view.answers.map((a) => a.version).join()],
    queryFn: ({ signal }) => readAnswerHistory(view.roundId, view.organisation.code, signal),
    enabled: open,
  });
  const labelOf = (id: string) => view.template.content.sections.flatMap((s) => s.questions).find((q) => q.id === id)?.label ?? id;
  return (
    <Stack mt="xl" maw={900} gap="xs">
      <Group>
        <Button variant="subtle" onClick={() => setOpen(!open)} aria-expanded={open}>
          {t('reporting.history.title')}
        </Button>
      </Group>
      {open && history.data && (
        <List>
          {history.data.versions.map((v) => (
            <List.Item key={`${v.questionId}-${v.version}`}>
              <DateTime iso={v.changedAt} />: {t('reporting.history.entry', { question: labelOf(v.questionId), version: v.version, by: v.changedBy })}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
