import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect } from '@mantine/core';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useAssignCase, type TracingCase, type Tracer } from './tracingApi.js';

export interface AssignCaseFormProps {
  tracingCase: TracingCase;
  tracers: readonly Tracer[];
  onAssigned: (tracingCase: TracingCase, tracer: Tracer) => void;
}

/** The coordinator's choice of tracer for one case. */
export function AssignCaseForm({ tracingCase, tracers, onAssigned }: AssignCaseFormProps) {
  const { t } = useT();
  const [staffId, setStaffId] = useState(tracingCase.assignedTo ?? '');
  const assign = useAssignCase();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const tracer = tracers.find((tr) => tr.id === staffId);
    if (!tracer) return;
    assign.mutate({ caseId: tracingCase.id, staffId }, { onSuccess: () => onAssigned(tracingCase, tracer) });
  };

  const data = [
    { value: '', label: t('tracing.assign.placeholder'), disabled: true },
    ...tracers.map((tr) => ({ value: tr.id, label: t('tracing.assign.option', { name: tr.name, count: tr.openCases }) })),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <NativeSelect
          size="xs"
          label={t('tracing.assign.label', { name: tracingCase.name })}
          data={data}
          value={staffId}
          onChange={(e) => {
            setStaffId(e.currentTarget.value);
            assign.reset();
          }}
        />
        <Button
          type="submit"
          size="xs"
          variant="light"
          loading={assign.isPending}
          disabled={staffId === '' || staffId === tracingCase.assignedTo}
          aria-label={t('tracing.assign.submitLabel', { name: tracingCase.name })}
        >
          {t('tracing.assign.submit')}
        </Button>
      </Group>
      {assign.isError && <ProblemAlert error={assign.error} />}
    </form>
  );
}
