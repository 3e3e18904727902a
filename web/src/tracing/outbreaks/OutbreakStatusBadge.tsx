import { Badge } from '@mantine/core';
import { useT } from '../../i18n/useT.js';
import type { OutbreakSummary } from './outbreaksApi.js';

export function OutbreakStatusBadge({ status }: { status: OutbreakSummary['status'] }) {
  const { t } = useT();
  return (
    <Badge color={status === 'open' ? 'red' : 'gray'} variant="light" tt="none">
      {t(`tracing.outbreaks.statuses.${status}`)}
    </Badge>
  );
}
