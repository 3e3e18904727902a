import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { DateTime } from '../components/DateTime.js';
import { useT } from '../i18n/useT.js';
import { certificatePaths, type Certificate, type CertificateStatus } from './api.js';
import { CertificateQr } from './CertificateQr.js';
import { CertificateText } from './CertificateText.js';
import { useKindName } from './useKindName.js';

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
  const kindName = useKindName();
  const [shown, setShown] = useState<string | null>(null);
  const columns = 5 + (nameOf ? 1 : 0);
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
            <Table.Th>{t('certificates.table.status')}</Table.Th>
            <Table.Th>{t('certificates.table.issuedAt')}</Table.Th>
            <Table.Th>{t('certificates.table.expiresAt')}</Table.Th>
            <Table.Th>{t('certificates.table.files')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.map((c) => (
            <CertificateRows key={c.id} certificate={c} columns={columns} open={shown === c.id} onToggle={() => setShown(shown === c.id ? null : c.id)} {...(nameOf ? { name: nameOf(c.personId) } : {})} actions={actions?.(c)}>
              <Table.Td>
                {kindName.title(c.kind)}
                {c.paper && (
                  <Text size="xs" c="dimmed">
                    {t('certificates.certificate.paper')}
                  </Text>
                )}
              </Table.Td>
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
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
