import { Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useT, type TKey } from '../i18n/useT.js';

export interface TestingNavLink {
  /** Relative to /testing; '' is the section's start. */
  to: string;
  label: TKey;
}

/** The section's sub-navigation: plain links (the current one has aria-current="page"). */
export function TestingNav({ links }: { links: readonly TestingNavLink[] }) {
  const { t } = useT();
  if (links.length < 2) return null;
  return (
    <nav aria-label={t('testing.nav.label')} className="testing-nav">
      <Group gap="xs" component="ul" m={0} p={0} mb="lg" style={{ listStyle: 'none' }} wrap="wrap">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to === '' ? '/testing' : `/testing/${link.to}`} end={link.to === ''} className="testing-nav-link">
              {t(link.label)}
            </NavLink>
          </li>
        ))}
      </Group>
    </nav>
  );
}
