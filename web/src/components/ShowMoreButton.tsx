import { Button, Group } from '@mantine/core';
import { useT } from '../i18n/useT.js';

export interface ShowMoreButtonProps {
  onClick: () => void;
  loading: boolean;
}

/** "Visa fler": loads the next page of a cursor-paged list. */
export function ShowMoreButton({ onClick, loading }: ShowMoreButtonProps) {
  const { t } = useT();
  return (
    <Group justify="center" mt="md">
      <Button variant="default" onClick={onClick} loading={loading}>
        {t('common.showMore')}
      </Button>
    </Group>
  );
}
