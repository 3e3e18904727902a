import { Alert, Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/useT.js';
import type { Answered } from './followUpApi.js';

/** Thanks, and with symptoms the advice to test at once; a logged-in citizen orders the kit in testing's own page. */
export function CheckInDone({ answered, loggedIn }: { answered: Answered; loggedIn: boolean }) {
  const { t } = useT();
  return (
    <>
      <Alert color="green" variant="light" role="status" title={t('tracing.checkIn.thanks')} maw={720}>
        {t('tracing.checkIn.thanksText', { day: answered.followUpDay, days: answered.days })}
      </Alert>
      {answered.advice === 'test' && (
        <Alert color="orange" variant="light" role="alert" title={t('tracing.checkIn.adviceTitle')} mt="md" maw={720}>
          <Text size="sm">{t('tracing.checkIn.adviceText')}</Text>
          {loggedIn ? (
            <Anchor component={Link} to="/testing" mt="xs" display="inline-block">
              {t('tracing.checkIn.orderKit')}
            </Anchor>
          ) : (
            <Text size="sm" mt="xs">
              {t('tracing.checkIn.orderKitAt1177')}
            </Text>
          )}
        </Alert>
      )}
    </>
  );
}
