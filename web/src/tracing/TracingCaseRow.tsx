import { Anchor, Button, Group, Table } from '@mantine/core';
import { Link } from 'react-router';
import { DateTime } from '../components/DateTime.js';
import { useT } from '../i18n/useT.js';
import { AssignCaseForm } from './AssignCaseForm.js';
import { CaseFlags } from './CaseFlags.js';
import { CaseUnitCell } from './CaseUnitCell.js';
import { CaseStageBadge } from './CaseStageBadge.js';
import { PhoneLink } from './PhoneLink.js';
import { PriorityBadge } from './PriorityBadge.js';
import type { TracingCase, Tracer } from './tracingApi.js';

export interface TracingCaseRowProps {
  tracingCase: TracingCase;
  /** The tracers to assign to; null when the role does not assign cases. */
  tracers: readonly Tracer[] | null;
  /** Takes an unassigned case; null when the role does not work cases. */
  onTake: ((tracingCase: TracingCase) => void) | null;
  taking: boolean;
  onAssigned: (tracingCase: TracingCase, tracer: Tracer) => void;
  /** A hand-over to a vårdcentral (or back) is done: the message to show. */
  onHandedOver?: (message: string) => void;
}

/** One case in the queue. */
export function TracingCaseRow({ tracingCase: c, tracers, onTake, taking, onAssigned, onHandedOver = () => undefined }: TracingCaseRowProps) {
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
      <Table.Td>
        <CaseUnitCell tracingCase={c} coordinator={tracers !== null} onDone={onHandedOver} />
      </Table.Td>
      <Table.Td>{c.firstCallDueAt ? <DateTime iso={c.firstCallDueAt} /> : '–'}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          <CaseStageBadge stage={c.stage} unreachedCalls={c.unreachedCalls} callBackAt={c.callBackAt} />
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
        {onTake && c.assignedTo === null ? (
          <Button size="xs" onClick={() => onTake(c)} disabled={taking} aria-label={t('tracing.take.label', { name: c.name })}>
            {t('tracing.take.button')}
          </Button>
        ) : (
          <Anchor component={Link} to={`/tracing/cases/${c.id}`} size="sm" aria-label={t('tracing.take.openLabel', { name: c.name })}>
            {t('tracing.take.open')}
          </Anchor>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
