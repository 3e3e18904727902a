import { Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useT } from '../i18n/useT.js';

export interface PageHeadingProps {
  title: string;
  /** Title for the browser tab when it should differ from the heading. */
  documentTitle?: string;
}

/** The page's single h1; also names the browser tab (WCAG 2.4.2). */
export function PageHeading({ title, documentTitle }: PageHeadingProps) {
  const { t } = useT();
  useDocumentTitle(t('app.documentTitle', { title: documentTitle ?? title }));
  return (
    <Title order={1} mb="md">
      {title}
    </Title>
  );
}
