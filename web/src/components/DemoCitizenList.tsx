import { List, Stack, Title } from '@mantine/core';
import type { DemoCitizen } from '../api.js';
import { useT } from '../i18n/useT.js';
import { DemoUserButton } from './DemoUserButton.js';

export interface DemoCitizenListProps {
  citizens: DemoCitizen[];
  onChoose: (id: string) => void;
  pendingId: string | null;
}

export function DemoCitizenList({ citizens, onChoose, pendingId }: DemoCitizenListProps) {
  const { t } = useT();
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('login.demoCitizens')}
      </Title>
      <List listStyleType="none" spacing={4}>
        {citizens.map((person) => (
          <List.Item key={person.id}>
            <DemoUserButton
              name={person.name}
              detail={[person.age === null ? '' : t('login.citizenAge', { age: person.age }), person.note].filter(Boolean).join(' · ')}
              onClick={() => onChoose(person.id)}
              loading={pendingId === person.id}
              disabled={pendingId !== null}
            />
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
