import { Table, Text } from '@mantine/core';
import { useT } from '../i18n/useT.js';
import type { Certificate } from './api.js';
import { useKindName } from './useKindName.js';

/** The kind of certificate in a table cell, with "paper certificate" beneath when it is one. */
export function KindCell({ kind, paper }: { kind: Certificate['kind']; paper: boolean }) {
  const { t } = useT();
  const kindName = useKindName();
  return (
    <Table.Td>
      {kindName.title(kind)}
      {paper && (
        <Text size="xs" c="dimmed">
          {t('certificates.certificate.paper')}
        </Text>
      )}
    </Table.Td>
  );
}
