/** Rules take `now` as an argument; services get it from a Clock so tests can fix time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
