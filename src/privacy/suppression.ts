/**
 * The one small-group rule for everything that leaves a region for the nation, and for the national views:
 * a group of fewer than ten people is shown without its counts, so no one in a handful of people can be
 * told apart (the threshold Folkhälsomyndigheten and Socialstyrelsen use for published tables). Region-wide
 * weekly totals of tests and cases are not groups within the region and are sent as they are.
 */
export const SMALL_GROUP_BELOW = 10;

export const isSmallGroup = (people: number): boolean => people < SMALL_GROUP_BELOW;

/** The counts of a group of `people`, or each of them null when the group is too small to show. */
export function suppressSmall<T extends Record<string, number>>(people: number, counts: T): { [K in keyof T]: number | null } {
  const small = isSmallGroup(people);
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, small ? null : v])) as { [K in keyof T]: number | null };
}
