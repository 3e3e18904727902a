import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { ACTION_STATUSES, ASSESSMENTS, useAddAction, useAddAuditQuestion, useAuditQuestions, useCaseActions, useRequestStatus, useUpdateAction, type ActionStatus, type Assessment, type CaseDetail } from './governanceApi.js';

/** A plan's activities or an audit's recommendations as actions with owner, due day and status. */
export function ActionsPanel({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { t } = useT();
  const source = c.type === 'plan' ? 'plan_activity' : 'audit_recommendation';
  const query = useCaseActions(c.id);
  const update = useUpdateAction();
  const add = useAddAction(c.id);
  const [f, setF] = useState({ title: '', owner: '', ownerEmail: '', timeFrame: '', dueOn: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ source, title: f.title.trim(), owner: f.owner.trim(), dueOn: f.dueOn, ...(f.timeFrame.trim() ? { timeFrame: f.timeFrame.trim() } : {}), ...(f.ownerEmail.trim() ? { ownerEmail: f.ownerEmail.trim() } : {}) }, { onSuccess: () => setF({ title: '', owner: '', ownerEmail: '', timeFrame: '', dueOn: '' }) });
  };
  const cols = [t('governance.actions.action'), t('governance.actions.owner'), t('governance.actions.timeFrame'), t('governance.actions.dueOn'), t('governance.actions.status')];
  return (
    <section>
      <CaptionedTable heading={`${t('governance.actions.title')} – ${t(`governance.actions.sources.${source}`)}`} minWidth={700} columns={cols}>
        {(query.data?.actions ?? []).map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>{a.title}</Table.Td>
            <Table.Td>{a.owner}</Table.Td>
            <Table.Td>{a.timeFrame ?? ''}</Table.Td>
            <Table.Td>
              {a.dueOn} {a.overdue && <Badge color="red">{t('governance.actions.overdue')}</Badge>}
            </Table.Td>
            <Table.Td>
              {canWrite ? (
                <NativeSelect aria-label={`${t('governance.actions.status')}: ${a.title}`} value={a.status} onChange={(e) => update.mutate({ id: a.id, status: e.currentTarget.value as ActionStatus })} data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`governance.actions.statuses.${s}`) }))} />
              ) : (
                t(`governance.actions.statuses.${a.status}`)
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </CaptionedTable>
      {update.isError && <ProblemAlert error={update.error} />}
      {canWrite && <RequestStatusButton caseId={c.id} />}
      {canWrite && (
        <Paper withBorder p="sm" my="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <TextInput label={t('governance.actions.action')} required value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} />
              <Group grow>
                <TextInput label={t('governance.actions.owner')} required value={f.owner} onChange={(e) => setF({ ...f, owner: e.currentTarget.value })} />
                <TextInput label={t('governance.actions.ownerEmail')} type="email" value={f.ownerEmail} onChange={(e) => setF({ ...f, ownerEmail: e.currentTarget.value })} />
                <TextInput label={t('governance.actions.timeFrame')} value={f.timeFrame} onChange={(e) => setF({ ...f, timeFrame: e.currentTarget.value })} />
                <TextInput label={t('governance.actions.dueOn')} type="date" required value={f.dueOn} onChange={(e) => setF({ ...f, dueOn: e.currentTarget.value })} />
              </Group>
              {add.isError && <ProblemAlert error={add.error} />}
              <div>
                <Button type="submit" variant="light" loading={add.isPending}>
                  {t('governance.actions.add')}
                </Button>
              </div>
            </Stack>
          </form>
        </Paper>
      )}
    </section>
  );
}

/** An audit's questions with the auditors' assessment and the reply. */
export function AuditQuestionsPanel({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { t } = useT();
  const query = useAuditQuestions(c.id);
  const add = useAddAuditQuestion(c.id);
  const [f, setF] = useState<{ question: string; assessment: Assessment; reply: string }>({ question: '', assessment: 'partly_met', reply: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ question: f.question.trim(), assessment: f.assessment, ...(f.reply.trim() ? { reply: f.reply.trim() } : {}) }, { onSuccess: () => setF({ question: '', assessment: 'partly_met', reply: '' }) });
  };
  return (
    <section>
      <CaptionedTable heading={t('governance.questions.title')} minWidth={600} columns={[t('governance.questions.question'), t('governance.questions.assessment'), t('governance.questions.reply')]}>
        {(query.data?.questions ?? []).map((q) => (
          <Table.Tr key={q.id}>
            <Table.Td>{q.question}</Table.Td>
            <Table.Td>{t(`governance.questions.assessments.${q.assessment}`)}</Table.Td>
            <Table.Td>{q.reply ?? ''}</Table.Td>
          </Table.Tr>
        ))}
      </CaptionedTable>
      {canWrite && (
        <Paper withBorder p="sm" my="md">
          <Title order={3} size="h5" mb="xs">
            {t('governance.questions.add')}
          </Title>
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <TextInput label={t('governance.questions.question')} required value={f.question} onChange={(e) => setF({ ...f, question: e.currentTarget.value })} />
              <Group grow>
                <NativeSelect label={t('governance.questions.assessment')} value={f.assessment} onChange={(e) => setF({ ...f, assessment: e.currentTarget.value as Assessment })} data={ASSESSMENTS.map((a) => ({ value: a, label: t(`governance.questions.assessments.${a}`) }))} />
                <TextInput label={t('governance.questions.reply')} value={f.reply} onChange={(e) => setF({ ...f, reply: e.currentTarget.value })} />
              </Group>
              {add.isError && <ProblemAlert error={add.error} />}
              <div>
                <Button type="submit" variant="light" loading={add.isPending}>
                  {t('governance.questions.add')}
                </Button>
              </div>
            </Stack>
          </form>
        </Paper>
      )}
    </section>
  );
}

/** A follow-up round: the owners with an e-mail address are asked for their status through the outbox. */
export function RequestStatusButton({ caseId }: { caseId?: string }) {
  const { t } = useT();
  const request = useRequestStatus();
  return (
    <Stack gap="xs" my="sm">
      <div>
        <Button variant="light" onClick={() => request.mutate(caseId ? { caseId } : {})} loading={request.isPending}>
          {t('governance.actions.requestStatus')}
        </Button>
      </div>
      {request.data && (
        <Text size="sm" role="status">
          {t('governance.actions.requested', { asked: request.data.asked, withoutEmail: request.data.withoutEmail })}
        </Text>
      )}
      {request.isError && <ProblemAlert error={request.error} />}
    </Stack>
  );
}
