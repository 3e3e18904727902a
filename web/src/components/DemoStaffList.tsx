import { List, Stack, Title } from '@mantine/core';
import type { DemoStaff } from '../api.js';
import { ROLES } from '../navigation.js';
import { useT } from '../i18n/useT.js';
import { DemoUserButton } from './DemoUserButton.js';

export interface DemoStaffListProps {
  staff: DemoStaff[];
  onChoose: (id: string) => void;
  pendingId: string | null;
}

/** Groups staff by role, in the role order of `navigation.ts` (unknown roles last). */
export function groupByRole(staff: DemoStaff[]): [string, DemoStaff[]][] {
  const groups = new Map<string, DemoStaff[]>();
  for (const person of staff) groups.set(person.role, [...(groups.get(person.role) ?? []), person]);
  const rank = (role: string) => {
    const i = (ROLES as readonly string[]).indexOf(role);
    return i === -1 ? ROLES.length : i;
  };
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

export function DemoStaffList({ staff, onChoose, pendingId }: DemoStaffListProps) {
  const { t, tMaybe } = useT();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('login.demoStaff')}
      </Title>
      {groupByRole(staff).map(([role, members]) => (
        <section key={role} aria-labelledby={`demo-role-${role}`}>
          <Title order={4} size="h6" id={`demo-role-${role}`} mb={4}>
            {tMaybe(`roles.${role}`, role)}
          </Title>
          <List listStyleType="none" spacing={4}>
            {members.map((person) => (
              <List.Item key={person.id}>
                <DemoUserButton
                  name={person.name}
                  detail={person.unitName}
                  onClick={() => onChoose(person.id)}
                  loading={pendingId === person.id}
                  disabled={pendingId !== null}
                />
              </List.Item>
            ))}
          </List>
        </section>
      ))}
    </Stack>
  );
}
