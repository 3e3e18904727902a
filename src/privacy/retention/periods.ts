import type { Config } from '../../platform/config.js';

/** The four kinds of personal data the retention registry sorts every table into. */
export const dataClasses = ['journal', 'contact', 'operational', 'technical'] as const;
export type DataClass = (typeof dataClasses)[number];

export const dataClassNames: Record<DataClass, string> = {
  journal: 'journal record',
  contact: 'contact data',
  operational: 'operational record',
  technical: 'technical log',
};

export type RetentionPeriods = Config['retention'];

/** A period in words, for the README and the register extract: '10 years', '730 days'. */
export function periodText(periods: RetentionPeriods, dataClass: DataClass): string {
  switch (dataClass) {
    case 'journal':
      return `${periods.journalYears} years`;
    case 'contact':
      return `${periods.contactDays} days`;
    case 'operational':
      return `${periods.operationalDays} days`;
    case 'technical':
      return `${periods.technicalDays} days`;
  }
}

/** The instant before which a record of the class has outlived its period, as of `now`. */
export function cutoffOf(periods: RetentionPeriods, dataClass: DataClass, now: Date): Date {
  if (dataClass === 'journal') {
    const d = new Date(now);
    d.setUTCFullYear(d.getUTCFullYear() - periods.journalYears);
    return d;
  }
  const days = dataClass === 'contact' ? periods.contactDays : dataClass === 'operational' ? periods.operationalDays : periods.technicalDays;
  return new Date(now.getTime() - days * 86_400_000);
}
