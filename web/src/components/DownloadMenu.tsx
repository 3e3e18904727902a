import { Button, Menu } from '@mantine/core';
import { withQuery } from '../api.js';
import { useT } from '../i18n/useT.js';

export type DownloadFormat = 'csv' | 'xlsx' | 'pdf';

/**
 * The downloads of a page's table or report: CSV for Swedish Excel (semicolons, decimal comma) or with commas,
 * XLSX, and the PDF report where there is one. Plain links to the routes `${path}.csv` etc. (platform/files/
 * downloads.ts on the server) with the page's filters and the reader's language.
 */
export function DownloadMenu({ path, query, formats = ['csv', 'xlsx', 'pdf'], disabled = false }: { path: string; query: Record<string, string | null | undefined>; formats?: DownloadFormat[]; disabled?: boolean }) {
  const { t, language } = useT();
  const href = (format: DownloadFormat, extra: Record<string, string> = {}) => withQuery(`${path}.${format}`, { ...query, ...extra, lang: language });
  const item = (label: string, url: string) => (
    <Menu.Item component="a" href={url} download>
      {label}
    </Menu.Item>
  );
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="light" disabled={disabled}>
          {t('downloads.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {formats.includes('csv') && item(t('downloads.csvSemicolon'), href('csv', { separator: 'semicolon' }))}
        {formats.includes('csv') && item(t('downloads.csvComma'), href('csv', { separator: 'comma' }))}
        {formats.includes('xlsx') && item(t('downloads.xlsx'), href('xlsx'))}
        {formats.includes('pdf') && item(t('downloads.pdf'), href('pdf'))}
      </Menu.Dropdown>
    </Menu>
  );
}
