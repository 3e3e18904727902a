import { Alert, Anchor, Container, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useAuthConfig } from '../api.js';
import { useT } from '../i18n/useT.js';
import { DemoLoginPanel } from '../components/DemoLoginPanel.js';
import { OidcLoginButtons } from '../components/OidcLoginButtons.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { PublicHeader } from '../components/PublicHeader.js';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink.js';

/** `/login`: e-legitimation / SITHS via OIDC and, in demo mode, a list of synthetic users. */
export function LoginPage() {
  const { t } = useT();
  const config = useAuthConfig();
  const data = config.data;
  return (
    <>
      <SkipLink />
      <PublicHeader regionName={data?.regionName} />
      <Container size="md" py="xl" component="main" id={MAIN_CONTENT_ID} tabIndex={-1}>
        <PageHeading title={t('login.title')} />
        {config.isPending && <PageLoader />}
        {config.isError && <ProblemAlert error={config.error} onRetry={() => void config.refetch()} />}
        {data && (
          <>
            <Text>{t('login.intro', { region: data.regionName })}</Text>
            {data.oidc && <OidcLoginButtons />}
            {data.demo && <DemoLoginPanel />}
            {!data.oidc && !data.demo && (
              <Alert color="yellow" mt="lg">
                {t('login.noMethods')}
              </Alert>
            )}
          </>
        )}
        <Anchor component={Link} to="/verify" mt="xl" display="inline-block">
          {t('login.verifyCertificate')}
        </Anchor>
      </Container>
    </>
  );
}
