import type { ReactNode } from 'react';
import { Alert, Table, Text, Title } from '@mantine/core';
import { DateTime } from '../components/DateTime.js';
import { useT } from '../i18n/useT.js';
import type { Verification, VerifiedContent } from './api.js';
import { useKindName } from './useKindName.js';
import { DataTable } from '../components/DataTable.js';

const CONTENT_FIELDS = [
  'name',
  'dateOfBirth',
  'disease',
  'vaccine',
  'manufacturer',
  'dose',
  'vaccinationDate',
  'testType',
  'testResult',
  'sampledAt',
  'testCentre',
  'firstPositive',
  'validFrom',
  'validUntil',
  'country',
  'issuer',
  'uci',
] as const satisfies readonly (keyof VerifiedContent)[];

/** Valid or not valid, why (in the reader's language), and what the certificate says, field by field. */
export function VerificationResult({ result }: { result: Verification }) {
  const { t, language } = useT();
  const kindName = useKindName();
  const content = result.content;
  return (
    <section aria-labelledby="verify-result-heading">
      <Title order={2} size="h3" id="verify-result-heading" mb="sm">
        {t('certificates.verify.resultHeading')}
      </Title>
      {result.valid ? (
        <Alert color="green" variant="filled" role="status" title={t('certificates.verify.valid')} mb="md">
          {t('certificates.verify.validText')}
        </Alert>
      ) : (
        <Alert color="red" variant="filled" role="status" title={t('certificates.verify.invalid')} mb="md">
          <Text size="sm">{result.reason[language]}</Text>
        </Alert>
      )}
      {(content || result.kind) && (
        <DataTable withTableBorder captionSide="top" frameMaw={640} aria-label={t('certificates.verify.content')}>
          <Table.Caption>
            <Text fw={600} ta="left">
              {t('certificates.verify.content')}
            </Text>
          </Table.Caption>
          <Table.Tbody>
            {result.kind && <Row label={t('certificates.verify.fields.kind')}>{kindName.title(result.kind)}</Row>}
            {content && CONTENT_FIELDS.filter((f) => content[f]).map((f) => <Row key={f} label={t(`certificates.verify.fields.${f}`)}>{content[f]}</Row>)}
            {result.issuedAt && (
              <Row label={t('certificates.verify.fields.issuedAt')}>
                <DateTime iso={result.issuedAt} />
              </Row>
            )}
            {result.expiresAt && (
              <Row label={t('certificates.verify.fields.expiresAt')}>
                <DateTime iso={result.expiresAt} />
              </Row>
            )}
          </Table.Tbody>
        </DataTable>
      )}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w="40%">
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
