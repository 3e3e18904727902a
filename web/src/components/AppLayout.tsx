import { Suspense, useEffect } from 'react';
import { AppShell, Divider } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation } from 'react-router';
import { useActor } from '../ActorContext.js';
import { useT } from '../i18n/useT.js';
import { useIsMobile } from '../useIsMobile.js';
import { HeaderBar } from './HeaderBar.js';
import { PageLoader } from './PageLoader.js';
import { SectionNav } from './SectionNav.js';
import { MAIN_CONTENT_ID, SkipLink } from './SkipLink.js';
import { UserControls } from './UserControls.js';

/** The signed-in shell: header, role-based navbar and the current page. */
export function AppLayout() {
  const { t } = useT();
  const { actor, role } = useActor();
  const mobile = useIsMobile();
  const [navigationOpen, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();

  // On small screens, close the navigation drawer after choosing a page.
  useEffect(() => close(), [pathname, close]);

  // Mantine only slides a closed drawer off-screen; `inert` also takes it out of the tab order.
  const navigationHidden = mobile && !navigationOpen;

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navigationOpen } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header style={{ borderBottom: '3px solid var(--mantine-primary-color-filled)' }}>
        <HeaderBar actor={actor} mobile={mobile} navigationOpen={navigationOpen} onToggleNavigation={toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('nav.label')} inert={navigationHidden}>
        <AppShell.Section grow>
          <SectionNav role={role} />
        </AppShell.Section>
        {mobile && (
          <AppShell.Section>
            <Divider my="sm" />
            <UserControls actor={actor} stacked />
          </AppShell.Section>
        )}
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_CONTENT_ID} tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
