import { Center, Loader, VisuallyHidden } from '@mantine/core';
import { useT } from '../i18n/useT.js';

export function PageLoader() {
  const { t } = useT();
  return (
    <Center py="xl" role="status">
      <Loader />
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}
