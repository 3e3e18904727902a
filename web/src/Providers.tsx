import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { LocalisedDatesProvider } from './components/LocalisedDatesProvider.js';
import { cssVariablesResolver, theme } from './theme.js';

import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './app.css';

export interface ProvidersProps {
  queryClient: QueryClient;
  i18n: i18n;
  /** 'test' turns off Mantine's transitions and portals. */
  env?: 'default' | 'test';
  children: ReactNode;
}

export function Providers({ queryClient, i18n, env = 'default', children }: ProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        env={env}
      >
        <LocalisedDatesProvider>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </LocalisedDatesProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
