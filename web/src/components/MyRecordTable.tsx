import { Table } from '@mantine/core';
import type { MyRecordEntry } from '../api.js';
import { useT } from '../i18n/useT.js';
import { DateTime } from './DateTime.js';
import { DataTable } from './DataTable.js';

export function MyRecordTable({ entries }: { entries: MyRecordEntry[] }) {
  const { t, tMaybe } = useT();
  return (
    <DataTable minWidth={720} striped captionSide="top" verticalSpacing="sm">
        <Table.Caption>{t('myRecord.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('myRecord.columns.at')}</Table.Th>
            <Table.Th scope="col">{t('myRecord.columns.actor')}</Table.Th>
            <Table.Th scope="col">{t('myRecord.columns.role')}</Table.Th>
            <Table.Th scope="col">{t('myRecord.columns.region')}</Table.Th>
            <Table.Th scope="col">{t('myRecord.columns.action')}</Table.Th>
            <Table.Th scope="col">{t('myRecord.columns.purpose')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry, i) => (
            <Table.Tr key={`${entry.at}-${i}`}>
              <Table.Td>
                <DateTime iso={entry.at} />
              </Table.Td>
              <Table.Td>{entry.actorName}</Table.Td>
              <Table.Td>{tMaybe(`roles.${entry.actorRole}`, entry.actorRole)}</Table.Td>
              <Table.Td>{entry.regionName}</Table.Td>
              <Table.Td title={entry.action}>{entry.actionText}</Table.Td>
              <Table.Td>{entry.purpose}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
  );
}
