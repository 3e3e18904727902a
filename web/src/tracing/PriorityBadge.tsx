import { Badge } from '@mantine/core';
import { useT } from '../i18n/useT.js';
import type { Priority } from './tracingApi.js';

const COLOURS: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'grape', 4: 'gray' };

/** The case's priority group: by default 1 health and social care, 2 school, 3 outbreak, 4 others (the settings may use up to 9). */
export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t, tMaybe } = useT();
  const name = tMaybe(`tracing.priority.names.${priority}`, '');
  return (
    <Badge color={COLOURS[priority] ?? 'gray'} variant={priority >= 4 ? 'outline' : 'light'} tt="none">
      {name === '' ? String(priority) : t('tracing.priority.badge', { priority, name })}
    </Badge>
  );
}
