import { NavLink } from '@mantine/core';
import { Link, useMatch } from 'react-router';

export interface NavItemProps {
  to: string;
  label: string;
  /** Only active on exactly this path (for the start page). */
  end?: boolean;
}

/** A navbar link; the active one gets `aria-current="page"`. */
export function NavItem({ to, label, end = false }: NavItemProps) {
  const active = useMatch({ path: to, end }) !== null;
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      variant="filled"
      aria-current={active ? 'page' : undefined}
    />
  );
}
