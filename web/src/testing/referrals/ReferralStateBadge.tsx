import { Badge, Group } from '@mantine/core';
import { useT } from '../../i18n/useT.js';
import type { Referral } from './referralsApi.js';

const colors = { written: 'gray', sampled: 'blue', received: 'violet', answered: 'green' } as const;

/** The referral's state, and a red flag when the lab has not received it in time. */
export function ReferralStateBadge({ referral }: { referral: Pick<Referral, 'state' | 'overdue'> }) {
  const { t } = useT();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={colors[referral.state]} variant="light">
        {t(`testing.referrals.states.${referral.state}`)}
      </Badge>
      {referral.overdue && (
        <Badge color="red" variant="filled">
          {t('testing.referrals.overdue')}
        </Badge>
      )}
    </Group>
  );
}
