import { Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useT, type TKey } from '../i18n/useT.js';

export interface SubNavLink {
  /** Relative to the section's path; '' is the section's start page. */
  to: string;
  label: TKey;
}

/**
 * A section's sub-navigation for the signed-in role: pill links, the current one with aria-current="page"
 * (the start page only on itself, other pages also for what lies below them). Hidden with fewer than two.
 */
export function SubNav({ base, label, links }: { base: string; label: TKey; links: readonly SubNavLink[] }) {
  const { t } = useT();
  if (links.length < 2) return null;
  return (
    <nav aria-label={t(label)}>
      <Group gap="xs" component="ul" m={0} p={0} mb="lg" style={{ listStyle: 'none' }} wrap="wrap">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to === '' ? base : `${base}/${link.to}`} end={link.to === ''} className="sub-nav-link">
              {t(link.label)}
            </NavLink>
          </li>
        ))}
      </Group>
    </nav>
  );
}
