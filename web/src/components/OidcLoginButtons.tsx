import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useLocation } from 'react-router';
import { returnPath } from '../redirectToLogin.js';
import { useT } from '../i18n/useT.js';

/** `/api/auth/oidc/login` (citizens) or `?audience=staff` (SITHS), asking to come back to `returnTo` when not the start page. */
export function oidcLoginHref(audience: 'citizen' | 'staff', returnTo = '/'): string {
  const params = new URLSearchParams();
  if (audience === 'staff') params.set('audience', 'staff');
  if (returnTo !== '/') params.set('returnTo', returnTo);
  const qs = params.toString();
  return qs === '' ? '/api/auth/oidc/login' : `/api/auth/oidc/login?${qs}`;
}

/** Plain links: the OIDC flow needs a full page navigation, not a client-side route change. */
export function OidcLoginButtons() {
  const { t } = useT();
  const returnTo = returnPath(useLocation().state);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} my="lg">
      <Stack gap={4}>
        <Button component="a" href={oidcLoginHref('citizen', returnTo)} size="md" aria-describedby="oidc-eid-help">
          {t('login.eid')}
        </Button>
        <Text id="oidc-eid-help" size="sm" c="dimmed">
          {t('login.eidHelp')}
        </Text>
      </Stack>
      <Stack gap={4}>
        <Button
          component="a"
          href={oidcLoginHref('staff', returnTo)}
          size="md"
          variant="outline"
          aria-describedby="oidc-siths-help"
        >
          {t('login.siths')}
        </Button>
        <Text id="oidc-siths-help" size="sm" c="dimmed">
          {t('login.sithsHelp')}
        </Text>
      </Stack>
    </SimpleGrid>
  );
}
