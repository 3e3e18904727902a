import { createContext, useContext } from 'react';
import type { Actor } from './api.js';
import { isRole, type Role } from './navigation.js';

export const ActorContext = createContext<Actor | null>(null);

/** The role the navigation table knows the actor by; null for a staff role this UI does not know. */
export function roleOf(actor: Actor): Role | null {
  if (actor.kind === 'citizen') return 'citizen';
  return isRole(actor.role) ? actor.role : null;
}

/** The signed-in user. Only for components rendered inside the shell (behind `SessionGate`). */
export function useActor(): { actor: Actor; role: Role | null } {
  const actor = useContext(ActorContext);
  if (actor === null) throw new Error('useActor() is only available inside SessionGate');
  return { actor, role: roleOf(actor) };
}
