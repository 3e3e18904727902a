import { Anchor, Button, Group, Table } from '@mantine/core';
import { Link } from 'react-router';
import { DateTime } from '../components/DateTime.js';
import { useT } from '../i18n/useT.js';
import { AssignCaseForm } from './AssignCaseForm.js';
import { CaseFlags } from './CaseFlags.js';
import { PhoneLink } from './PhoneLink.js';
import { PriorityBadge } from './PriorityBadge.js';
import type { TracingCase, Tracer } from './tracingApi.js';

export interface TracingCaseRowProps {
  tracingCase: TracingCase;
  /** The tracers to assign to; null when the role does not assign cases. */
  tracers: readonly Tracer[] | null;
  onRecordCall: (tracingCase: TracingCase) => void;
  recording: boolean;
  onAssigned: (tracingCase: TracingCase, tracer: Tracer) => void;
}

/** One case in the queue. */
export function TracingCaseRow({ tracingCase: c, tracers, onRecordCall, recording, onAssigned }: TracingCaseRowProps) {
  const { t } = useT();
  return (
    <Table.Tr>
      <Table.Td>
        <PriorityBadge priority={c.priority} />
      </Table.Td>
      <Table.Th scope="row" fw={500}>
        <Anchor component={Link} to={`/tracing/cases/${c.id}`}>
          {c.name}
        </Anchor>
      </Table.Th>
      <Table.Td>{c.phone ? <PhoneLink phone={c.phone} /> : t('tracing.queue.noPhone')}</Table.Td>
      <Table.Td>{c.priorityReason}</Table.Td>
      <Table.Td>{c.firstCallDueAt ? <DateTime iso={c.firstCallDueAt} /> : '–'}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          <CaseFlags overdue={c.overdue} possibleReinfection={c.possibleReinfection} />
        </Group>
      </Table.Td>
      <Table.Td>
        {tracers === null ? (
          (c.assignedToName ?? t('tracing.queue.unassigned'))
        ) : (
          <AssignCaseForm tracingCase={c} tracers={tracers} onAssigned={onAssigned} />
        )}
      </Table.Td>
      <Table.Td>
        <Button size="xs" onClick={() => onRecordCall(c)} disabled={recording} aria-label={t('tracing.call.recordLabel', { name: c.name })}>
          {t('tracing.call.record')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
