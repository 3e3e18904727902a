import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Group, List, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { QueryStatus } from '../tracing/QueryStatus.js';
import { useAddAgendaItem, useAddCorrection, useMeeting, usePostMinutes, useReadyCases, useRecordDecision, useSignMinutes, type Item, type Meeting } from './governanceApi.js';
import { useActor } from '../ActorContext.js';
import { useCanWrite } from './useCanWrite.js';

/** `/governance/meetings/:id`: agenda, decisions, justering, anslag and extracts of one meeting. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const query = useMeeting(id);
  const canWrite = useCanWrite();
  const m = query.data;
  const checked = !!m?.minutes.checkedAt;
  return (
    <>
      <QueryStatus query={query} />
      {m && (
        <>
          <PageHeading title={`${m.body} ${m.heldOn}`} />
          <Text>
            {m.startsAt}, {m.place}. {t('governance.meetings.chair')}: {m.chair}. {t('governance.meetings.checkers')}: {m.checkers.join(', ')}. {t('governance.meetings.checkDeadline')}: {m.checkDeadline}.
          </Text>
          <Anchor href={`/api/governance/meetings/${m.id}/agenda.pdf`} download display="inline-block" my="sm">
            {t('governance.meeting.agendaPdf')}
          </Anchor>
          <Title order={2} size="h3" mt="md">
            {t('governance.meeting.agenda')}
          </Title>
          <Stack gap="sm" mt="xs">
            {m.items.map((item) => (
              <AgendaItem key={item.id} item={item} editable={canWrite && !checked} />
            ))}
          </Stack>
          {canWrite && !checked && <AddItemForm meetingId={m.id} />}
          <Title order={2} size="h3" mt="lg">
            {t('governance.meeting.reported')}
          </Title>
          {m.reportedDecisions.length === 0 ? (
            <Text>{t('governance.meeting.noReported')}</Text>
          ) : (
            <List>
              {m.reportedDecisions.map((d) => (
                <List.Item key={d.id}>
                  {d.caseNumber} {d.title} ({d.delegate}, {d.decidedOn})
                </List.Item>
              ))}
            </List>
          )}
          <Minutes m={m} canWrite={canWrite} />
        </>
      )}
    </>
  );
}

function AgendaItem({ item, editable }: { item: Item; editable: boolean }) {
  const { t } = useT();
  const [text, setText] = useState((item.decision ?? item.proposal).join('\n'));
  const [reservations, setReservations] = useState('');
  const [conflicts, setConflicts] = useState('');
  const extras = () => ({
    reservations: reservations.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const [member, ...rest] = l.split(':');
      return { member: member!.trim(), text: rest.join(':').trim() || member!.trim() };
    }),
    conflicts: conflicts.split(',').map((s) => s.trim()).filter(Boolean),
  });
  const decide = useRecordDecision(item.id);
  const edited = text.split('\n').map((l) => l.trim()).filter(Boolean);
  return (
    <Paper withBorder p="sm" component="article" aria-label={`§ ${item.position} ${item.title}`}>
      <Title order={3} size="h4">
        {item.position}. {item.caseId ? <Anchor component={Link} to={`/governance/cases/${item.caseId}`}>{item.title}</Anchor> : item.title}
      </Title>
      {item.caseNumber && (
        <Text size="sm">
          {item.caseNumber}
          {item.rapporteur ? ` – ${item.rapporteur}` : ''}
        </Text>
      )}
      {item.proposal.length > 0 && (
        <Text size="sm">
          <strong>{t('governance.meeting.proposal')}:</strong> {item.proposal.join(' ')}
        </Text>
      )}
      {item.decision && (
        <Text size="sm">
          <strong>{t('governance.meeting.decision')}:</strong> {item.decision.join(' ')}
        </Text>
      )}
      {item.extracts.length > 0 && (
        <List size="sm" mt="xs" aria-label={t('governance.meeting.extracts')}>
          {item.extracts.map((e) => (
            <List.Item key={e.email}>{t('governance.meeting.extractTo', { recipient: e.recipient, email: e.email })}</List.Item>
          ))}
        </List>
      )}
      {editable && item.caseId && (
        <Stack gap="xs" mt="xs">
          <Textarea label={t('governance.meeting.decisionText')} autosize minRows={1} value={text} onChange={(e) => setText(e.currentTarget.value)} />
          <Group grow align="flex-start">
            <Textarea label={t('governance.decisionExtras.reservations')} autosize minRows={1} value={reservations} onChange={(e) => setReservations(e.currentTarget.value)} />
            <TextInput label={t('governance.decisionExtras.conflicts')} value={conflicts} onChange={(e) => setConflicts(e.currentTarget.value)} />
          </Group>
          <Group>
            <Button size="xs" onClick={() => decide.mutate(extras())} loading={decide.isPending}>
              {t('governance.meeting.decide')}
            </Button>
            <Button size="xs" variant="light" onClick={() => decide.mutate({ decision: edited, ...extras() })} disabled={edited.length === 0}>
              {t('governance.meeting.decideEdited')}
            </Button>
          </Group>
          {decide.isError && <ProblemAlert error={decide.error} />}
        </Stack>
      )}
    </Paper>
  );
}

function AddItemForm({ meetingId }: { meetingId: string }) {
  const { t } = useT();
  const ready = useReadyCases();
  const [caseId, setCaseId] = useState('');
  const add = useAddAgendaItem(meetingId);
  const options = ready.data?.cases ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const chosen = caseId || options[0]?.id;
    if (chosen) add.mutate({ caseId: chosen }, { onSuccess: () => setCaseId('') });
  };
  return (
    <Paper withBorder p="md" mt="md">
      <form onSubmit={submit} noValidate>
        <Group align="flex-end">
          <NativeSelect label={t('governance.meeting.readyCase')} value={caseId} onChange={(e) => setCaseId(e.currentTarget.value)} data={options.map((c) => ({ value: c.id, label: `${c.caseNumber} ${c.title}` }))} style={{ flex: 1 }} />
          <Button type="submit" loading={add.isPending} disabled={options.length === 0}>
            {t('governance.meeting.add')}
          </Button>
        </Group>
        {add.isError && <ProblemAlert error={add.error} />}
      </form>
    </Paper>
  );
}

function Minutes({ m, canWrite }: { m: Meeting; canWrite: boolean }) {
  const { t } = useT();
  const { actor } = useActor();
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
  const required = [m.chair, ...m.checkers];
  const signed = new Set(m.minutes.signatures.map((s) => s.signer));
  const [signer, setSigner] = useState('');
  const [lateReason, setLateReason] = useState('');
  const sign = useSignMinutes(m.id);
  const post = usePostMinutes(m.id);
  const remaining = required.filter((r) => !signed.has(r));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sign.mutate({ signer: signer || (remaining[0] ?? ''), ...(lateReason.trim() ? { lateReason: lateReason.trim() } : {}) }, { onSuccess: () => setSigner('') });
  };
  return (
    <section>
      <Title order={2} size="h3" mt="lg">
        {t('governance.meeting.justering')}
      </Title>
      <List>
        {m.minutes.signatures.map((s) => (
          <List.Item key={s.signer}>{t('governance.meeting.signed', { signer: s.signer })}</List.Item>
        ))}
      </List>
      {m.minutes.checkedAt && (
        <Alert color="blue" variant="light" my="sm" role="status">
          {t('governance.meeting.checkedAt')}
        </Alert>
      )}
      {m.minutes.postedOn && (
        <Alert color="green" variant="light" my="sm" role="status">
          {t('governance.meeting.postedOn', { from: m.minutes.appealFrom ?? '', until: m.minutes.appealUntil ?? '' })}
        </Alert>
      )}
      {!canWrite && !m.minutes.checkedAt && remaining.includes(actor.name) && (
        <>
          <Button mt="sm" onClick={() => sign.mutate({ signer: actor.name, ...(lateReason.trim() ? { lateReason: lateReason.trim() } : {}) })} loading={sign.isPending}>
            {t('governance.meeting.signAsMe', { name: actor.name })}
          </Button>
          {today > m.checkDeadline && <TextInput label={t('governance.meeting.lateReason')} value={lateReason} onChange={(e) => setLateReason(e.currentTarget.value)} />}
          {sign.isError && <ProblemAlert error={sign.error} />}
        </>
      )}
      {canWrite && !m.minutes.checkedAt && (
        <form onSubmit={submit} noValidate>
          <Group align="flex-end">
            <NativeSelect label={t('governance.meeting.signer')} value={signer} onChange={(e) => setSigner(e.currentTarget.value)} data={remaining} />
            <TextInput label={t('governance.meeting.lateReason')} value={lateReason} onChange={(e) => setLateReason(e.currentTarget.value)} style={{ flex: 1 }} />
            <Button type="submit" loading={sign.isPending}>
              {t('governance.meeting.sign')}
            </Button>
          </Group>
          {sign.isError && <ProblemAlert error={sign.error} />}
        </form>
      )}
      {m.minutes.corrections.length > 0 && (
        <>
          <Title order={3} size="h4" mt="sm">
            {t('governance.corrections.title')}
          </Title>
          <List>
            {m.minutes.corrections.map((c) => (
              <List.Item key={c.id}>{c.text}</List.Item>
            ))}
          </List>
        </>
      )}
      {canWrite && m.minutes.checkedAt && <CorrectionForm meetingId={m.id} />}
      {canWrite && m.minutes.checkedAt && !m.minutes.postedOn && (
        <>
          <Button mt="sm" onClick={() => post.mutate({})} loading={post.isPending}>
            {t('governance.meeting.post')}
          </Button>
          {post.isError && <ProblemAlert error={post.error} />}
        </>
      )}
    </section>
  );
}

function CorrectionForm({ meetingId }: { meetingId: string }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const add = useAddCorrection(meetingId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ text: text.trim() }, { onSuccess: () => setText('') });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" mt="sm">
        <TextInput label={t('governance.corrections.text')} value={text} onChange={(e) => setText(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button type="submit" variant="light" loading={add.isPending} disabled={!text.trim()}>
          {t('governance.corrections.add')}
        </Button>
      </Group>
      {add.isError && <ProblemAlert error={add.error} />}
    </form>
  );
}
