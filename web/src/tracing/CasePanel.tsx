import type { ReactNode } from 'react';
import { Paper, Title } from '@mantine/core';

export interface CasePanelProps {
  /** Unique on the page: names the section through its heading. */
  id: string;
  title: string;
  children: ReactNode;
}

/** A titled, bordered section of a tracing page. */
export function CasePanel({ id, title, children }: CasePanelProps) {
  const headingId = `${id}-heading`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
