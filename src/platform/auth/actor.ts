import type { Language } from '../text/index.js';
import type { Role, StaffRole } from './roles.js';

/** `language`: the one chosen in this session (problems and texts are shown in it); unset until chosen. */
export type Actor = (
  | { kind: 'staff'; id: string; name: string; role: StaffRole; regionId: string; unitId?: string | null }
  | { kind: 'citizen'; id: string; name: string; role: 'citizen'; regionId: string }
  | { kind: 'system'; id: string; name: string; role: 'system'; regionId: string }
) & { language?: Language };

export type ActorRole = Role | 'system';

/** The actor for work no person started: the outbox worker, imports run by an operator, the demo loader. */
export const systemActor = (regionId: string, name = 'Lägesbild'): Actor => ({
  kind: 'system',
  id: 'system',
  name,
  role: 'system',
  regionId,
});
