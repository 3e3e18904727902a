import { sql, type SQL } from 'drizzle-orm';

/** The age groups vaccination is followed by (the 2023 booster rules split at 50 and 80; 65 is the classic risk age). */
export const ageGroups = [
  { key: '0-17', min: 0, max: 17 },
  { key: '18-49', min: 18, max: 49 },
  { key: '50-64', min: 50, max: 64 },
  { key: '65-79', min: 65, max: 79 },
  { key: '80+', min: 80, max: 200 },
] as const;
export type AgeGroup = (typeof ageGroups)[number]['key'] | 'unknown';

export function ageGroupOf(age: number | null): AgeGroup {
  if (age === null || age < 0) return 'unknown';
  return ageGroups.find((g) => age >= g.min && age <= g.max)?.key ?? 'unknown';
}

/** The same grouping in SQL: the age in whole years on the day `on` (a date expression) of a birth-date column. */
export function ageGroupSql(birthDate: SQL, on: SQL): SQL {
  const age = sql`date_part('year', age(${on}, ${birthDate}))`;
  const cases = ageGroups.map((g) => sql`WHEN ${age} BETWEEN ${g.min} AND ${g.max} THEN ${g.key}`);
  return sql`(CASE ${sql.join(cases, sql` `)} ELSE 'unknown' END)`;
}
