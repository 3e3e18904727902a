import { Table } from '@mantine/core';
import type { DeliveredMessage } from '../api.js';
import { useT } from '../i18n/useT.js';
import { DateTime } from './DateTime.js';
import { MessageBody } from './MessageBody.js';
import { DataTable } from './DataTable.js';

export function DeliveredMessagesTable({ messages }: { messages: DeliveredMessage[] }) {
  const { t, tMaybe } = useT();
  return (
    <DataTable minWidth={860} striped captionSide="top" verticalSpacing="sm">
        <Table.Caption>{t('messages.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('messages.columns.deliveredAt')}</Table.Th>
            <Table.Th scope="col">{t('messages.columns.channel')}</Table.Th>
            <Table.Th scope="col">{t('messages.columns.recipient')}</Table.Th>
            <Table.Th scope="col">{t('messages.columns.subject')}</Table.Th>
            <Table.Th scope="col">{t('messages.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('messages.columns.body')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => (
            <Table.Tr key={message.id}>
              <Table.Td>
                <DateTime iso={message.deliveredAt} />
              </Table.Td>
              <Table.Td>{tMaybe(`messages.channels.${message.channel}`, message.channel)}</Table.Td>
              <Table.Td>{message.recipient}</Table.Td>
              <Table.Td>{message.subject || t('messages.noSubject')}</Table.Td>
              <Table.Td>{tMaybe(`messages.statuses.${message.status}`, message.status)}</Table.Td>
              <Table.Td>
                <MessageBody body={message.body} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
  );
}
