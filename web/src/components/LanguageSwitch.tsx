import { Button } from '@mantine/core';
import { useT } from '../i18n/useT.js';
import type { Language } from '../i18n/index.js';

/** Switches between Swedish and English; the choice is remembered in localStorage (see i18n/index.ts). */
export function LanguageSwitch() {
  const { t, language, i18n } = useT();
  const other: Language = language === 'sv' ? 'en' : 'sv';
  return (
    <Button
      variant="subtle"
      size="sm"
      lang={other}
      title={t('language.switchToHint')}
      onClick={() => void i18n.changeLanguage(other)}
    >
      {t('language.switchTo')}
    </Button>
  );
}
