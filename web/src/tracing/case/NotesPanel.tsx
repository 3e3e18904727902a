import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { DateTime } from '../../components/DateTime.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { useAddNote, type AdviceOption, type CaseNote } from './caseApi.js';

export interface NotesPanelProps {
  caseId: string;
  notes: readonly CaseNote[];
  adviceOptions: readonly AdviceOption[];
  editable: boolean;
}

/** The case's record: rules of conduct given (förhållningsregler), journal notes, and everything written so far. */
export function NotesPanel({ caseId, notes, adviceOptions, editable }: NotesPanelProps) {
  const { t } = useT();
  const adviceText = new Map(adviceOptions.map((o) => [o.code, o.text]));
  return (
    <CasePanel id="case-notes" title={t('tracing.case.notes.title')}>
      <Stack gap="lg">
        {editable && <AdviceForm caseId={caseId} options={adviceOptions} />}
        {editable && <JournalForm caseId={caseId} />}
        <div>
          <Title order={3} size="h5" mb="xs">
            {t('tracing.case.notes.record')}
          </Title>
          {notes.length === 0 ? (
            <Text size="sm">{t('tracing.case.notes.none')}</Text>
          ) : (
            <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
              {notes.map((note) => (
                <NoteEntry key={note.id} note={note} adviceText={adviceText} />
              ))}
            </Stack>
          )}
        </div>
      </Stack>
    </CasePanel>
  );
}

function NoteEntry({ note, adviceText }: { note: CaseNote; adviceText: ReadonlyMap<string, string> }) {
  const { t } = useT();
  return (
    <Paper component="li" withBorder p="xs">
      <Group gap="xs" mb={4}>
        <Badge variant="light" tt="none">
          {t(`tracing.case.notes.kinds.${note.kind}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          <DateTime iso={note.createdAt} /> · {note.authorName}
        </Text>
      </Group>
      {note.advice.length > 0 && (
        <List size="sm">
          {note.advice.map((code) => (
            <List.Item key={code}>{adviceText.get(code) ?? code}</List.Item>
          ))}
        </List>
      )}
      {note.text && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {note.text}
        </Text>
      )}
    </Paper>
  );
}

function AdviceForm({ caseId, options }: { caseId: string; options: readonly AdviceOption[] }) {
  const { t } = useT();
  const [advice, setAdvice] = useState<AdviceOption['code'][]>([]);
  const [text, setText] = useState('');
  const add = useAddNote(caseId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The record needs a sentence even when the ticks say it all.
    add.mutate(
      { kind: 'advice', text: text.trim() || t('tracing.case.notes.adviceGiven'), advice },
      {
        onSuccess: () => {
          setAdvice([]);
          setText('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Checkbox.Group label={t('tracing.case.notes.adviceLabel')} description={t('tracing.case.notes.adviceHelp')} value={advice} onChange={(ticked) => setAdvice(options.flatMap((o) => (ticked.includes(o.code) ? [o.code] : [])))}>
        <Stack gap={6} mt="xs">
          {options.map((o) => (
            <Checkbox key={o.code} value={o.code} label={o.text} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Textarea mt="sm" label={t('tracing.case.notes.adviceComment')} rows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      {add.isError && <ProblemAlert error={add.error} />}
      <Button type="submit" mt="sm" variant="light" loading={add.isPending} disabled={advice.length === 0}>
        {t('tracing.case.notes.saveAdvice')}
      </Button>
    </form>
  );
}

function JournalForm({ caseId }: { caseId: string }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const add = useAddNote(caseId);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    add.mutate({ kind: 'journal', text: text.trim() }, { onSuccess: () => setText('') });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Textarea label={t('tracing.case.notes.journalLabel')} rows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      {add.isError && <ProblemAlert error={add.error} />}
      <Button type="submit" mt="sm" variant="light" loading={add.isPending} disabled={text.trim() === ''}>
        {t('tracing.case.notes.saveJournal')}
      </Button>
    </form>
  );
}
