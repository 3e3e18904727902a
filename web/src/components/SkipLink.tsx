import type { MouseEvent } from 'react';
import { Button } from '@mantine/core';
import { useT } from '../i18n/useT.js';

export const MAIN_CONTENT_ID = 'main-content';

/** First focusable element on every page: jumps past the header and navigation. */
export function SkipLink() {
  const { t } = useT();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  };
  return (
    <Button component="a" href={`#${MAIN_CONTENT_ID}`} className="skip-link" onClick={skip}>
      {t('app.skipToContent')}
    </Button>
  );
}
