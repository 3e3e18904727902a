import { Badge } from '@mantine/core';
import { useT } from '../i18n/useT.js';

/** The badges that call for attention: the first call is overdue, the person may be reinfected. */
export function CaseFlags({ overdue, possibleReinfection }: { overdue: boolean; possibleReinfection: boolean }) {
  const { t } = useT();
  return (
    <>
      {overdue && (
        <Badge color="red.9" variant="filled" tt="none">
          {t('tracing.queue.overdue')}
        </Badge>
      )}
      {possibleReinfection && (
        <Badge color="yellow" variant="light" tt="none">
          {t('tracing.queue.possibleReinfection')}
        </Badge>
      )}
    </>
  );
}
