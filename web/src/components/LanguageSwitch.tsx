import { useContext } from 'react';
import { Button } from '@mantine/core';
import { ActorContext } from '../ActorContext.js';
import { api } from '../api.js';
import { useT } from '../i18n/useT.js';
import type { Language } from '../i18n/index.js';

/**
 * Switches between Swedish and English; the choice is remembered in localStorage (see i18n/index.ts) and,
 * when someone is logged in, in the session: a citizen's messages are then written in it.
 */
export function LanguageSwitch() {
  const { t, language, i18n } = useT();
  const actor = useContext(ActorContext);
  const other: Language = language === 'sv' ? 'en' : 'sv';
  const choose = () => {
    void i18n.changeLanguage(other);
    if (actor) void api.PUT('/api/session/language', { body: { language: other } }).catch(() => undefined);
  };
  return (
    <Button
      variant="subtle"
      size="sm"
      lang={other}
      title={t('language.switchToHint')}
      onClick={choose}
    >
      {t('language.switchTo')}
    </Button>
  );
}
