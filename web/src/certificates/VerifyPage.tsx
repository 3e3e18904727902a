import { useState, type FormEvent } from 'react';
import { Anchor, Button, Container, FileInput, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useAuthConfig } from '../api.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { PublicHeader } from '../components/PublicHeader.js';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink.js';
import { useT } from '../i18n/useT.js';
import { QrScanner } from '../testing/QrScanner.js';
import '../testing/testing.css';
import { useVerifyCertificate } from './api.js';
import { readBase64 } from './readBase64.js';
import { VerificationResult } from './VerificationResult.js';

/** `/verify`, outside the login: anyone checks a certificate from its HC1 text, a PNG of its QR code or the camera. */
export function VerifyPage() {
  const { t } = useT();
  const config = useAuthConfig();
  const verify = useVerifyCertificate();
  const [hc1, setHc1] = useState('');
  const [file, setFile] = useState<File | null>(null);

  const checkText = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (hc1.trim()) verify.mutate({ hc1: hc1.trim() });
  };
  const checkImage = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (file) verify.mutate({ image: await readBase64(file) });
  };
  const checkScanned = (text: string) => {
    setHc1(text);
    verify.mutate({ hc1: text });
  };

  return (
    <>
      <SkipLink />
      <PublicHeader regionName={config.data?.regionName} />
      <Container size="md" py="xl" component="main" id={MAIN_CONTENT_ID} tabIndex={-1}>
        <PageHeading title={t('certificates.verify.title')} />
        <Text mb="lg">{t('certificates.verify.intro')}</Text>
        <Stack gap="lg">
          <Paper withBorder p="md" component="section" aria-labelledby="verify-text-heading">
            <Title order={2} size="h3" id="verify-text-heading" mb="sm">
              {t('certificates.verify.textHeading')}
            </Title>
            <form onSubmit={checkText} noValidate>
              <Textarea label={t('certificates.verify.hc1')} value={hc1} onChange={(e) => setHc1(e.currentTarget.value)} rows={4} maxLength={8000} autoComplete="off" spellCheck={false} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
              <Button type="submit" mt="sm" disabled={hc1.trim() === ''} loading={verify.isPending && 'hc1' in (verify.variables ?? {})}>
                {t('certificates.verify.check')}
              </Button>
            </form>
          </Paper>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Paper withBorder p="md" component="section" aria-labelledby="verify-image-heading">
              <Title order={2} size="h3" id="verify-image-heading" mb="sm">
                {t('certificates.verify.imageHeading')}
              </Title>
              <form onSubmit={(e) => void checkImage(e)} noValidate>
                <FileInput label={t('certificates.verify.image')} description={t('certificates.verify.imageHelp')} value={file} onChange={setFile} accept="image/png" clearable />
                <Button type="submit" mt="sm" disabled={!file} loading={verify.isPending && 'image' in (verify.variables ?? {})}>
                  {t('certificates.verify.check')}
                </Button>
              </form>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="verify-camera-heading">
              <Title order={2} size="h3" id="verify-camera-heading" mb="sm">
                {t('certificates.verify.cameraHeading')}
              </Title>
              <QrScanner onCode={checkScanned} />
            </Paper>
          </SimpleGrid>
          {verify.isError && <ProblemAlert error={verify.error} />}
          {verify.data && <VerificationResult result={verify.data} />}
        </Stack>
        <Anchor component={Link} to="/login" mt="xl" display="inline-block">
          {t('certificates.verify.toLogin')}
        </Anchor>
      </Container>
    </>
  );
}
