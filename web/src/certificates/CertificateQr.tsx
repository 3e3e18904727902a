import { Anchor, Button, Group, Image, Stack } from '@mantine/core';
import { useT } from '../i18n/useT.js';
import { certificatePaths, type CertificateKind } from './api.js';
import { useKindName } from './useKindName.js';

export interface CertificateQrProps {
  id: string;
  kind: CertificateKind;
  /** The holder's name, for the image's alt text. */
  name?: string;
}

/** A certificate's QR code (SVG, served with the holder's access) and its PDF to download. */
export function CertificateQr({ id, kind, name }: CertificateQrProps) {
  const { t } = useT();
  const kindName = useKindName();
  const alt = name ? t('certificates.certificate.qrAlt', { kind: kindName.inText(kind), name }) : t('certificates.certificate.qrAltShort', { kind: kindName.inText(kind) });
  return (
    <Stack gap="sm" align="flex-start">
      <Image src={certificatePaths.qrSvg(id)} alt={alt} w={260} h={260} fit="contain" bg="white" p={4} />
      <Group gap="sm">
        <Button component="a" href={certificatePaths.pdf(id)} download variant="light">
          {t('certificates.certificate.pdf')}
        </Button>
        <Anchor href={certificatePaths.qrPng(id)} download size="sm">
          PNG
        </Anchor>
      </Group>
    </Stack>
  );
}
