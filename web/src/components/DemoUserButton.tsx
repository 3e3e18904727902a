import { Button, Text } from '@mantine/core';

export interface DemoUserButtonProps {
  name: string;
  detail?: string | null | undefined;
  onClick: () => void;
  loading: boolean;
  disabled: boolean;
}

/** One pickable demo user: name with a line of detail below. */
export function DemoUserButton({ name, detail, onClick, loading, disabled }: DemoUserButtonProps) {
  return (
    <Button
      variant="default"
      fullWidth
      h="auto"
      py={6}
      justify="flex-start"
      onClick={onClick}
      loading={loading}
      disabled={disabled && !loading}
      styles={{ label: { whiteSpace: 'normal', flexDirection: 'column', alignItems: 'flex-start', textAlign: 'left' } }}
    >
      <Text span fw={600} size="sm">
        {name}
      </Text>
      {detail && (
        <Text span size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Button>
  );
}
