import { Table, Text } from '@mantine/core';
import type { AuditEntry } from '../api.js';
import { useT } from '../i18n/useT.js';
import { DateTime } from './DateTime.js';
import { DataTable } from './DataTable.js';

export function AuditResultsTable({ entries }: { entries: AuditEntry[] }) {
  const { t, tMaybe } = useT();
  return (
    <DataTable minWidth={760} striped captionSide="top" verticalSpacing="sm">
        <Table.Caption>{t('audit.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.person')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.columns.purpose')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>
                <DateTime iso={entry.at} />
              </Table.Td>
              <Table.Td>
                {entry.actorName}
                <Text size="xs" c="dimmed">
                  {tMaybe(`roles.${entry.actorRole}`, entry.actorRole)}
                </Text>
              </Table.Td>
              <Table.Td>{entry.personLabel ?? '–'}</Table.Td>
              <Table.Td title={entry.action}>{entry.actionText}</Table.Td>
              <Table.Td>{entry.purpose}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
  );
}
