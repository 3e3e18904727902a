import { Stack } from '@mantine/core';
import { navigationFor, sectionPath, type Role } from '../navigation.js';
import { useT } from '../i18n/useT.js';
import { NavItem } from './NavItem.js';

/** The start page and the sections the role may see, from `navigation.ts`. */
export function SectionNav({ role }: { role: Role | null }) {
  const { t } = useT();
  return (
    <Stack gap={4}>
      <NavItem to="/" label={t('nav.home')} end />
      {navigationFor(role).map((entry) => (
        <NavItem key={entry.section} to={sectionPath(entry.section)} label={t(`sections.${entry.section}`)} />
      ))}
    </Stack>
  );
}
