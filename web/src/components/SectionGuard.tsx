import type { ReactNode } from 'react';
import { useActor } from '../ActorContext.js';
import { canSee, type SectionId } from '../navigation.js';
import { ForbiddenPage } from '../pages/ForbiddenPage.js';

/** Renders a section only for roles that `navigation.ts` lets see it. */
export function SectionGuard({ section, children }: { section: SectionId; children: ReactNode }) {
  const { role } = useActor();
  return canSee(role, section) ? children : <ForbiddenPage section={section} />;
}
