import type { ReactNode } from 'react';
import { SimpleGrid, Text } from '@mantine/core';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label–value pairs as a description list, two columns from tablet width up. */
export function Facts({ facts }: { facts: readonly Fact[] }) {
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs" m={0}>
      {facts.map((f) => (
        <div key={f.label}>
          <Text component="dt" size="sm" c="dimmed">
            {f.label}
          </Text>
          <Text component="dd" m={0}>
            {f.value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
