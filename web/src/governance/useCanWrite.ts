import { useActor } from '../ActorContext.js';

/** The secretary writes; committee members read (the server's permissions decide in the end). */
export const useCanWrite = () => useActor().role === 'committee_secretary';
