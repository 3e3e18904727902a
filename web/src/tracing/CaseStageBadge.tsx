import { Badge } from '@mantine/core';
import { formatDateTime } from '../format.js';
import { useT } from '../i18n/useT.js';
import type { CaseStage } from './tracingApi.js';

const COLORS: Record<CaseStage, string> = { unassigned: 'gray', assigned: 'blue', trying: 'orange', call_back: 'grape', escalated: 'red', reached: 'teal' };

/** Where a case stands, in words: who has it, how many calls found nobody, when to call back, raised to the coordinator. */
export function CaseStageBadge({ stage, unreachedCalls, callBackAt }: { stage: CaseStage; unreachedCalls: number; callBackAt: string | null }) {
  const { t, language } = useT();
  const text =
    stage === 'trying'
      ? t('tracing.stage.trying', { count: unreachedCalls })
      : stage === 'call_back' && callBackAt
        ? t('tracing.stage.callBackAt', { at: formatDateTime(callBackAt, language) })
        : t(`tracing.stage.${stage}`);
  return (
    <Badge color={COLORS[stage]} variant={stage === 'escalated' ? 'filled' : 'light'} tt="none">
      {text}
    </Badge>
  );
}
