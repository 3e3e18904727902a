import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint (48em), where the navbar becomes a drawer behind the burger. */
export function useIsMobile(): boolean {
  return useMediaQuery('(max-width: 47.99em)') ?? false;
}
