import { Table, Text, Title } from '@mantine/core';
import { DateTime } from '../components/DateTime.js';
import { useT } from '../i18n/useT.js';
import type { CertificateRequest } from './api.js';
import { useKindName } from './useKindName.js';

export interface RequestsTableProps {
  caption: string;
  requests: readonly CertificateRequest[];
  nameOf?: (personId: string) => string;
}

/** Requests with their outcome and why: the refusal rule, what is missing, or the administrator's reason. */
export function RequestsTable({ caption, requests, nameOf }: RequestsTableProps) {
  const { t, tMaybe } = useT();
  const kindName = useKindName();
  const why = (r: CertificateRequest) =>
    r.status === 'refused' && r.rule ? tMaybe(`certificates.rules.${r.rule}`, r.rule) : r.status === 'queued' ? (r.missing ?? '') : (r.decisionReason ?? r.missing ?? '');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>
          <Title order={2} size="h4" ta="left">
            {caption}
          </Title>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {nameOf && <Table.Th>{t('certificates.table.person')}</Table.Th>}
            <Table.Th>{t('certificates.table.kind')}</Table.Th>
            <Table.Th>{t('certificates.table.requestedAt')}</Table.Th>
            <Table.Th>{t('certificates.table.status')}</Table.Th>
            <Table.Th>{t('certificates.table.reason')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((r) => (
            <Table.Tr key={r.id}>
              {nameOf && <Table.Td>{nameOf(r.personId)}</Table.Td>}
              <Table.Td>
                {kindName.title(r.kind)}
                {r.paper && (
                  <Text size="xs" c="dimmed">
                    {t('certificates.certificate.paper')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DateTime iso={r.requestedAt} />
              </Table.Td>
              <Table.Td>{t(`certificates.requestStatus.${r.status}`)}</Table.Td>
              <Table.Td>{why(r)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
