import { Alert, Button, Group, NumberInput, Radio, Stack, Switch, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api.js';
import { DateTime } from '../../components/DateTime.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { CaseStageBadge } from '../CaseStageBadge.js';
import { CALL_OUTCOMES, useRecordCall, type CallInput, type CallOutcome, type TracingCall } from '../tracingApi.js';
import { useSetSevereIllness, type CaseDetail } from './caseApi.js';
import { DataTable } from '../../components/DataTable.js';

interface CallForm {
  outcome: CallOutcome | '';
  duration: string | number;
  note: string;
  callBackAt: string;
}
const EMPTY: CallForm = { outcome: '', duration: '', note: '', callBackAt: '' };

/** The form's call, or the field that still needs filling in (outcome and duration are always required). */
type RequiredField = 'outcome' | 'durationMinutes' | 'callBackAt';

function toCall(form: CallForm): CallInput | { missing: RequiredField } {
  if (!form.outcome) return { missing: 'outcome' };
  if (form.duration === '' || typeof form.duration !== 'number') return { missing: 'durationMinutes' };
  if (form.outcome === 'call_back' && !form.callBackAt) return { missing: 'callBackAt' };
  return {
    outcome: form.outcome,
    durationMinutes: form.duration,
    ...(form.note.trim() ? { note: form.note.trim() } : {}),
    // datetime-local is the tracer's own clock time: the browser turns it into an instant.
    ...(form.outcome === 'call_back' ? { callBackAt: new Date(form.callBackAt).toISOString() } : {}),
  };
}

/** The tracer's calls with the index: each with its outcome, duration and note; whether the index is severely ill. */
export function CallPanel({ tracingCase: c, calls, editable }: { tracingCase: CaseDetail; calls: TracingCall[]; editable: boolean }) {
  const { t } = useT();
  const severity = useSetSevereIllness(c.id);
  return (
    <CasePanel id="case-call" title={t('tracing.case.call.title')}>
      <Stack gap="sm" align="stretch">
        <Group gap="xs">
          <CaseStageBadge stage={c.stage} unreachedCalls={c.unreachedCalls} callBackAt={c.callBackAt} />
        </Group>
        <Text>
          {c.firstCallAt ? (
            <>
              {t('tracing.case.call.firstCallAt')} <DateTime iso={c.firstCallAt} />
            </>
          ) : (
            t('tracing.case.call.noCall')
          )}
        </Text>
        {c.escalatedAt && (
          <Alert color="red" variant="light" title={t('tracing.case.call.escalatedTitle')}>
            {t('tracing.case.call.escalated')} <DateTime iso={c.escalatedAt} />
          </Alert>
        )}
        {calls.length > 0 && <CallLog calls={calls} />}
        {editable && <RecordCallForm caseId={c.id} />}
        <Switch
          label={t('tracing.case.call.severeIllness')}
          description={t('tracing.case.call.severeIllnessHelp')}
          checked={c.severeIllness}
          disabled={!editable || severity.isPending}
          onChange={(e) => severity.mutate(e.currentTarget.checked)}
        />
        {severity.isError && <ProblemAlert error={severity.error} />}
      </Stack>
    </CasePanel>
  );
}

function CallLog({ calls }: { calls: TracingCall[] }) {
  const { t } = useT();
  return (
    <DataTable minWidth={420} striped withTableBorder captionSide="top" fz="sm">
        <Table.Caption>{t('tracing.case.call.logCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('tracing.case.call.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('tracing.case.call.columns.outcome')}</Table.Th>
            <Table.Th scope="col">{t('tracing.case.call.columns.duration')}</Table.Th>
            <Table.Th scope="col">{t('tracing.case.call.columns.note')}</Table.Th>
            <Table.Th scope="col">{t('tracing.case.call.columns.by')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr key={call.id}>
              <Table.Td>
                <DateTime iso={call.calledAt} />
              </Table.Td>
              <Table.Td>
                {t(`tracing.case.call.outcomes.${call.outcome}`)}
                {call.callBackAt && (
                  <>
                    {' '}
                    (<DateTime iso={call.callBackAt} />)
                  </>
                )}
              </Table.Td>
              <Table.Td>{t('tracing.case.call.minutes', { count: call.durationMinutes })}</Table.Td>
              <Table.Td>{call.note ?? '–'}</Table.Td>
              <Table.Td>{call.staffName}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
  );
}

function RecordCallForm({ caseId }: { caseId: string }) {
  const { t } = useT();
  const record = useRecordCall(caseId);
  const [form, setForm] = useState<CallForm>(EMPTY);
  const [missing, setMissing] = useState<RequiredField | null>(null);
  const set = <K extends keyof CallForm>(key: K, value: CallForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errorFor = (field: string) =>
    missing !== null && missing === field ? t(`tracing.case.call.required.${missing}`) : isApiError(record.error) ? record.error.fieldErrors.find((e) => e.field === field)?.message : undefined;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const call = toCall(form);
    if ('missing' in call) return setMissing(call.missing);
    setMissing(null);
    record.mutate(call, { onSuccess: () => setForm(EMPTY) });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('tracing.case.call.formLabel')}>
      <Stack gap="sm">
        <Radio.Group label={t('tracing.case.call.outcome')} value={form.outcome} onChange={(v) => set('outcome', v as CallOutcome)} error={errorFor('outcome')} required>
          <Stack gap={6} mt="xs">
            {CALL_OUTCOMES.map((o) => (
              <Radio key={o} value={o} label={t(`tracing.case.call.outcomes.${o}`)} />
            ))}
          </Stack>
        </Radio.Group>
        {form.outcome === 'call_back' && (
          <TextInput type="datetime-local" label={t('tracing.case.call.callBackAt')} value={form.callBackAt} onChange={(e) => set('callBackAt', e.currentTarget.value)} error={errorFor('callBackAt')} required />
        )}
        <NumberInput label={t('tracing.case.call.duration')} min={0} max={600} allowDecimal={false} allowNegative={false} value={form.duration} onChange={(v) => set('duration', v)} error={errorFor('durationMinutes')} required w={220} />
        <Textarea label={t('tracing.case.call.note')} value={form.note} onChange={(e) => set('note', e.currentTarget.value)} error={errorFor('note')} rows={2} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('tracing.call.record')}
          </Button>
        </Group>
        {record.isError && <ProblemAlert error={record.error} />}
        {record.isSuccess && (
          <Text role="status" size="sm">
            {t('tracing.case.call.saved', { outcome: t(`tracing.case.call.outcomes.${record.data.call.outcome}`) })}
          </Text>
        )}
      </Stack>
    </form>
  );
}
