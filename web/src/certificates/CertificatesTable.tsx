import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { DateTime } from '../components/DateTime.js';
import { KindCell } from './KindCell.js';
import { useT } from '../i18n/useT.js';
import { certificatePaths, type Certificate, type CertificateStatus } from './api.js';
import { CertificateQr } from './CertificateQr.js';
import { CertificateText } from './CertificateText.js';

const statusColor: Record<CertificateStatus, string> = { valid: 'green', expired: 'gray', revoked: 'red' };

export interface CertificatesTableProps {
  caption: string;
  certificates: readonly Certificate[];
  /** The holder's name by person id, when the table shows more than one person. */
  nameOf?: (personId: string) => string;
  /** Extra actions on a certificate (an administrator's revoke). */
  actions?: (certificate: Certificate) => ReactNode;
}

/** Certificates with their status, files, and the QR code on demand. */
export function CertificatesTable({ caption, certificates, nameOf, actions }: CertificatesTableProps) {
  const { t } = useT();
  const [shown, setShown] = useState<string | null>(null);
  const columns = 5 + (nameOf ? 1 : 0);
  return (
    <CaptionedTable
      heading={caption}
      minWidth={720}
      striped
      withTableBorder
      columns={[...(nameOf ? [t('certificates.table.person')] : []), t('certificates.table.kind'), t('certificates.table.status'), t('certificates.table.issuedAt'), t('certificates.table.expiresAt'), t('certificates.table.files')]}
    >
          {certificates.map((c) => (
            <CertificateRows key={c.id} certificate={c} columns={columns} open={shown === c.id} onToggle={() => setShown(shown === c.id ? null : c.id)} {...(nameOf ? { name: nameOf(c.personId) } : {})} actions={actions?.(c)}>
              <KindCell kind={c.kind} paper={c.paper} />
              <Table.Td>
                <Badge color={statusColor[c.status]} variant="light">
                  {t(`certificates.status.${c.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <DateTime iso={c.issuedAt} />
              </Table.Td>
              <Table.Td>
                <DateTime iso={c.expiresAt} />
              </Table.Td>
            </CertificateRows>
          ))}
    </CaptionedTable>
  );
}

interface CertificateRowsProps {
  certificate: Certificate;
  columns: number;
  open: boolean;
  onToggle: () => void;
  name?: string;
  actions: ReactNode;
  children: ReactNode;
}

/** One certificate's row, and below it its QR code while shown. */
function CertificateRows({ certificate: c, columns, open, onToggle, name, actions, children }: CertificateRowsProps) {
  const { t } = useT();
  return (
    <>
      <Table.Tr>
        {name !== undefined && <Table.Td>{name}</Table.Td>}
        {children}
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button size="compact-sm" variant="subtle" onClick={onToggle} aria-expanded={open}>
              {open ? t('certificates.certificate.hide') : t('certificates.certificate.show')}
            </Button>
            <Anchor href={certificatePaths.pdf(c.id)} download size="sm">
              PDF
            </Anchor>
            {actions}
          </Group>
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={columns}>
            <Stack gap="xs">
              <CertificateQr id={c.id} kind={c.kind} {...(name ? { name } : {})} />
              <Text size="xs" c="dimmed">
                {t('certificates.certificate.uci')}: {c.uci}
              </Text>
              <CertificateText id={c.id} />
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
