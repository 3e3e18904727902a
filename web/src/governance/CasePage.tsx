import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Group, List, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { QueryStatus } from '../tracing/QueryStatus.js';
import { CaseHeading } from './CaseHeading.js';
import { MEMO_TEXT_SECTIONS, useAddDocument, useCase, useSaveMemo, type CaseDetail, type MemoTextSection, type Recipient } from './governanceApi.js';
import { DocumentText } from './DocumentText.js';
import { ActionsPanel, AuditQuestionsPanel } from './FollowUpPanels.js';
import { useCanWrite } from './useCanWrite.js';

/** `/governance/cases/:id`: a case, its path and documents, and its briefing memo. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useT();
  const query = useCase(id);
  const canWrite = useCanWrite();
  const c = query.data;
  return (
    <>
      <QueryStatus query={query} />
      {c && (
        <>
          <CaseHeading c={c} />
          {c.proposer && (
            <Text mb="sm">
              {t('governance.case.proposer')}: {c.proposer.name}
              {c.proposer.email ? ` (${c.proposer.email})` : ''}
            </Text>
          )}
          <Title order={2} size="h3">
            {t('governance.case.path')}
          </Title>
          <List mb="md">
            {c.path.map((p, i) => (
              <List.Item key={i}>
                {p.occurredOn}: {p.event}
              </List.Item>
            ))}
          </List>
          <Documents c={c} canWrite={canWrite} />
          {(c.type === 'plan' || c.type === 'audit_report') && <ActionsPanel c={c} canWrite={canWrite} />}
          {c.type === 'audit_report' && <AuditQuestionsPanel c={c} canWrite={canWrite} />}
          <MemoForm key={c.memo ? 'memo' : 'new'} c={c} canWrite={canWrite} />
        </>
      )}
    </>
  );
}

function Documents({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { t } = useT();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [secret, setSecret] = useState(false);
  const [chapter, setChapter] = useState<number | string>('');
  const [section, setSection] = useState<number | string>('');
  const add = useAddDocument(c.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({ title: title.trim(), body, ...(secret ? { secrecy: { chapter: Number(chapter), section: Number(section) } } : {}) }, { onSuccess: () => (setTitle(''), setBody(''), setSecret(false)) });
  };
  return (
    <section>
      <Title order={2} size="h3">
        {t('governance.case.documents')}
      </Title>
      <List mb="md">
        {c.documents.map((d) => (
          <List.Item key={d.id}>
            {d.registeredOn} {d.title} – {d.secret ? t('governance.case.secretGround', { ground: d.secrecyGround ?? '' }) : t('governance.case.publicRecord')}
            <DocumentText id={d.id} title={d.title} />
          </List.Item>
        ))}
      </List>
      {canWrite && (
        <Paper withBorder p="md" mb="lg">
          <form onSubmit={submit} noValidate>
            <Stack gap="xs">
              <Title order={3} size="h4">
                {t('governance.case.addDocument')}
              </Title>
              <TextInput label={t('governance.case.documentTitle')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
              <Textarea label={t('governance.case.documentBody')} required autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
              <Checkbox label={t('governance.case.secret')} checked={secret} onChange={(e) => setSecret(e.currentTarget.checked)} />
              {secret && (
                <Group grow>
                  <NumberInput label={t('governance.case.oslChapter')} min={1} max={99} value={chapter} onChange={setChapter} />
                  <NumberInput label={t('governance.case.oslSection')} min={1} max={99} value={section} onChange={setSection} />
                </Group>
              )}
              {add.isError && <ProblemAlert error={add.error} />}
              <div>
                <Button type="submit" variant="light" loading={add.isPending}>
                  {t('governance.case.addDocument')}
                </Button>
              </div>
            </Stack>
          </form>
        </Paper>
      )}
    </section>
  );
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);
const recipientLine = (r: Recipient) => `${r.name} <${r.email}>`;
function recipients(s: string): Recipient[] {
  return lines(s).map((l) => {
    const m = /^(.*?)\s*<([^>]+)>$/.exec(l);
    return m ? { name: m[1]!.trim() || m[2]!, email: m[2]!.trim() } : { name: l, email: l };
  });
}

function MemoForm({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const { t } = useT();
  const m = c.memo;
  const [rapporteur, setRapporteur] = useState(m?.rapporteur ?? c.caseOfficer ?? '');
  const [proposal, setProposal] = useState((m?.proposal ?? []).join('\n'));
  const [texts, setTexts] = useState<Record<MemoTextSection, string>>(Object.fromEntries(MEMO_TEXT_SECTIONS.map((s) => [s, m?.[s] ?? ''])) as Record<MemoTextSection, string>);
  const [supporting, setSupporting] = useState((m?.supportingDocuments ?? []).join('\n'));
  const proposerRecipient = c.proposer?.email ? [{ name: 'Förslagsställaren', email: c.proposer.email }] : [];
  const [sendTo, setSendTo] = useState((m?.sendTo ?? proposerRecipient).map(recipientLine).join('\n'));
  const save = useSaveMemo(c.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sections = Object.fromEntries(MEMO_TEXT_SECTIONS.map((s) => [s, texts[s].trim() || null]));
    save.mutate({ rapporteur: rapporteur.trim() || null, proposal: lines(proposal), ...sections, supportingDocuments: lines(supporting), sendTo: recipients(sendTo) });
  };
  return (
    <section>
      <Title order={2} size="h3" mb="xs">
        {t('governance.case.memo')}
      </Title>
      {c.missingSections.length > 0 ? (
        <Alert color="yellow" variant="light" mb="sm" role="status">
          {t('governance.case.missing', { sections: c.missingSections.map((s) => t(`governance.sections.${s as MemoTextSection}`)).join(', ') })}
        </Alert>
      ) : (
        <Alert color="green" variant="light" mb="sm" role="status">
          {t('governance.case.complete')}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack gap="xs">
            <TextInput label={t('governance.case.rapporteur')} value={rapporteur} onChange={(e) => setRapporteur(e.currentTarget.value)} />
            <Textarea label={t('governance.sections.proposal')} autosize minRows={2} value={proposal} onChange={(e) => setProposal(e.currentTarget.value)} />
            {MEMO_TEXT_SECTIONS.map((s) => (
              <Textarea key={s} label={t(`governance.sections.${s}`)} autosize minRows={2} value={texts[s]} onChange={(e) => setTexts({ ...texts, [s]: e.currentTarget.value })} />
            ))}
            <Textarea label={t('governance.sections.supportingDocuments')} autosize minRows={2} value={supporting} onChange={(e) => setSupporting(e.currentTarget.value)} />
            <Textarea label={t('governance.sections.sendTo')} autosize minRows={2} value={sendTo} onChange={(e) => setSendTo(e.currentTarget.value)} />
            {save.isError && <ProblemAlert error={save.error} />}
            {canWrite && (
              <div>
                <Button type="submit" loading={save.isPending}>
                  {t('governance.case.saveMemo')}
                </Button>
              </div>
            )}
          </Stack>
        </fieldset>
      </form>
    </section>
  );
}
