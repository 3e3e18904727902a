import { Alert, Button, List, Text } from '@mantine/core';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useAssignBalanced } from './tracingApi.js';

/** The coordinator's button to spread the unassigned cases over the tracers, and its outcome. */
export function BalanceAssignment() {
  const { t } = useT();
  const balance = useAssignBalanced();
  const result = balance.data;
  return (
    <>
      <Button mb="md" onClick={() => balance.mutate()} loading={balance.isPending}>
        {t('tracing.balance.button')}
      </Button>
      {balance.isError && <ProblemAlert error={balance.error} />}
      {result && (
        <Alert color="green" variant="light" role="status" title={t('tracing.balance.title')} mb="md" maw={720}>
          <Text size="sm">{t('tracing.balance.assigned', { count: result.assigned })}</Text>
          {result.perTracer.length > 0 && (
            <List size="sm" mt="xs">
              {result.perTracer.map((p) => (
                <List.Item key={p.staffId}>{t('tracing.balance.perTracer', { name: p.name, count: p.count })}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </>
  );
}
