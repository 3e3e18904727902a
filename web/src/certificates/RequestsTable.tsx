import { Table } from '@mantine/core';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { DateTime } from '../components/DateTime.js';
import { KindCell } from './KindCell.js';
import { useT } from '../i18n/useT.js';
import type { CertificateRequest } from './api.js';

export interface RequestsTableProps {
  caption: string;
  requests: readonly CertificateRequest[];
  nameOf?: (personId: string) => string;
}

/** Requests with their outcome and why: the refusal rule, what is missing, or the administrator's reason. */
export function RequestsTable({ caption, requests, nameOf }: RequestsTableProps) {
  const { t, tMaybe } = useT();
  const why = (r: CertificateRequest) =>
    r.status === 'refused' && r.rule ? tMaybe(`certificates.rules.${r.rule}`, r.rule) : r.status === 'queued' ? (r.missing ?? '') : (r.decisionReason ?? r.missing ?? '');
  return (
    <CaptionedTable
      heading={caption}
      minWidth={720}
      striped
      withTableBorder
      columns={[...(nameOf ? [t('certificates.table.person')] : []), t('certificates.table.kind'), t('certificates.table.requestedAt'), t('certificates.table.status'), t('certificates.table.reason')]}
    >
          {requests.map((r) => (
            <Table.Tr key={r.id}>
              {nameOf && <Table.Td>{nameOf(r.personId)}</Table.Td>}
              <KindCell kind={r.kind} paper={r.paper} />
              <Table.Td>
                <DateTime iso={r.requestedAt} />
              </Table.Td>
              <Table.Td>{t(`certificates.requestStatus.${r.status}`)}</Table.Td>
              <Table.Td>{why(r)}</Table.Td>
            </Table.Tr>
          ))}
    </CaptionedTable>
  );
}
