import type { ReactNode } from 'react';
import { DatesProvider } from '@mantine/dates';
import { useT } from '../i18n/useT.js';

/** Date pickers follow the chosen UI language; weeks start on Monday, as in Sweden. */
export function LocalisedDatesProvider({ children }: { children: ReactNode }) {
  const { language } = useT();
  return <DatesProvider settings={{ locale: language, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
