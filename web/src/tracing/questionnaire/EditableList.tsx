import type { ReactNode } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';

export interface EditableListProps<T> {
  items: readonly T[];
  onChange: (items: T[]) => void;
  newItem: () => T;
  /** The legend of one row ("Person 1"). */
  itemTitle: (index: number) => string;
  addLabel: string;
  removeLabel: (index: number) => string;
  empty: string;
  renderFields: (item: T, update: (patch: Partial<T>) => void) => ReactNode;
}

/** Rows the citizen adds and removes (household members, close contacts, places), each a fieldset. */
export function EditableList<T>({ items, onChange, newItem, itemTitle, addLabel, removeLabel, empty, renderFields }: EditableListProps<T>) {
  const update = (index: number) => (patch: Partial<T>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <Stack gap="sm">
      {items.length === 0 && <Text>{empty}</Text>}
      {items.map((item, index) => (
        // Rows hold controlled inputs only, so their position is a stable enough key.
        <Paper key={index} withBorder p="sm" component="fieldset" m={0}>
          <Text component="legend" fw={600} px={4}>
            {itemTitle(index)}
          </Text>
          <Stack gap="xs">
            {renderFields(item, update(index))}
            <Group justify="flex-end">
              <Button variant="subtle" color="red" size="xs" onClick={() => onChange(items.filter((_, i) => i !== index))}>
                {removeLabel(index)}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="light" onClick={() => onChange([...items, newItem()])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
