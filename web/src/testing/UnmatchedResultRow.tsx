import { useState, type FormEvent } from 'react';
import { Button, Group, Table } from '@mantine/core';
import { isApiError } from '../api.js';
import { DateTime } from '../components/DateTime.js';
import { useT } from '../i18n/useT.js';
import { KitCodeField } from './KitCodeField.js';
import { TestingProblem } from './TestingProblem.js';
import { useMatchUnmatched, type MatchOutcome, type UnmatchedResult } from './testingApi.js';

export interface UnmatchedResultRowProps {
  held: UnmatchedResult;
  /** Called with the outcome and the kit id used once the server has applied the result. */
  onMatched: (held: UnmatchedResult, kitCode: string, outcome: MatchOutcome) => void;
}

/** One held result in the table, with a kit-id input to match it to the right sample. */
export function UnmatchedResultRow({ held, onMatched }: UnmatchedResultRowProps) {
  const { t } = useT();
  const [kitCode, setKitCode] = useState('');
  const match = useMatchUnmatched();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = kitCode.trim();
    if (code === '') return;
    match.mutate({ id: held.id, kitCode: code }, { onSuccess: (outcome) => onMatched(held, code, outcome) });
  };
  const kitError = (isApiError(match.error) && match.error.fieldErrors.some((e) => e.field === 'kitCode')) || undefined;

  return (
    <Table.Tr>
      <Table.Th scope="row" style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}>
        {held.kitCode}
      </Table.Th>
      <Table.Td>{t(`testing.testTypes.${held.testType}`)}</Table.Td>
      <Table.Td>{t(`testing.results.${held.result}`)}</Table.Td>
      <Table.Td>
        <DateTime iso={held.resultAt} />
      </Table.Td>
      <Table.Td>{held.line ?? t('testing.lab.unmatched.manual')}</Table.Td>
      <Table.Td>
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <KitCodeField
              label={t('testing.lab.unmatched.kitLabel', { code: held.kitCode })}
              value={kitCode}
              onChange={(v) => {
                setKitCode(v);
                match.reset();
              }}
              error={kitError}
            />
            <Button type="submit" loading={match.isPending} disabled={kitCode.trim() === ''} aria-label={t('testing.lab.unmatched.matchLabel', { code: held.kitCode })}>
              {t('testing.lab.unmatched.match')}
            </Button>
          </Group>
        </form>
        {match.isError && <TestingProblem error={match.error} headline={t('testing.lab.unmatched.refused')} />}
      </Table.Td>
    </Table.Tr>
  );
}
