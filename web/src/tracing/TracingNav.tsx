import { Button, Group } from '@mantine/core';
import { NavLink, useMatch } from 'react-router';
import { useT, type TKey } from '../i18n/useT.js';

export interface TracingNavLink {
  /** Relative to /tracing; '' is the queue. */
  to: string;
  label: TKey;
}

/** The tracing section's sub-navigation for the signed-in role; the current page has aria-current="page". */
export function TracingNav({ links }: { links: readonly TracingNavLink[] }) {
  const { t } = useT();
  if (links.length < 2) return null;
  return (
    <nav aria-label={t('tracing.nav.label')}>
      <Group gap="xs" component="ul" m={0} p={0} mb="lg" style={{ listStyle: 'none' }} wrap="wrap">
        {links.map((link) => (
          <li key={link.to}>
            <SubNavLink link={link} />
          </li>
        ))}
      </Group>
    </nav>
  );
}

function SubNavLink({ link }: { link: TracingNavLink }) {
  const { t } = useT();
  const path = link.to === '' ? '/tracing' : `/tracing/${link.to}`;
  // The queue is current only on /tracing itself; other pages also for what lies below them (an outbreak).
  const current = useMatch({ path, end: link.to === '' }) !== null;
  return (
    <Button component={NavLink} to={path} end={link.to === ''} size="xs" radius="xl" variant={current ? 'filled' : 'default'}>
      {t(link.label)}
    </Button>
  );
}
