import { Loader, Group, Text } from '@mantine/core';
import { DateTime } from '../../components/DateTime.js';
import { useT } from '../../i18n/useT.js';

export interface SaveStatusProps {
  saving: boolean;
  dirty: boolean;
  savedAt: string | null;
}

/** "Sparat 14:05": tells the citizen their answers are kept, announced politely to screen readers. */
export function SaveStatus({ saving, dirty, savedAt }: SaveStatusProps) {
  const { t } = useT();
  return (
    <Group gap="xs" role="status" aria-live="polite" mih={24}>
      {saving ? (
        <>
          <Loader size="xs" />
          <Text size="sm">{t('tracing.questionnaire.saving')}</Text>
        </>
      ) : dirty ? (
        <Text size="sm" c="dimmed">
          {t('tracing.questionnaire.unsaved')}
        </Text>
      ) : savedAt ? (
        <Text size="sm" c="green.8">
          {t('tracing.questionnaire.saved')} <DateTime iso={savedAt} />
        </Text>
      ) : null}
    </Group>
  );
}
