import { Badge, Button, Group, Table } from '@mantine/core';
import { DateTime } from '../components/DateTime.js';
import { useT } from '../i18n/useT.js';
import { AssignCaseForm } from './AssignCaseForm.js';
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
        {c.name}
      </Table.Th>
      <Table.Td>{c.phone ? <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a> : t('tracing.queue.noPhone')}</Table.Td>
      <Table.Td>{c.priorityReason}</Table.Td>
      <Table.Td>{c.firstCallDueAt ? <DateTime iso={c.firstCallDueAt} /> : '–'}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {c.overdue && (
            <Badge color="red" variant="filled" tt="none">
              {t('tracing.queue.overdue')}
            </Badge>
          )}
          {c.possibleReinfection && (
            <Badge color="yellow" variant="light" tt="none">
              {t('tracing.queue.possibleReinfection')}
            </Badge>
          )}
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
