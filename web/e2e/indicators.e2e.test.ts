import { expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { demoStaff, expectNoProblems, useE2e, visible } from './session.js';

const SCREENSHOT = '/tmp/lagesbild-indicators-comparison.png';
const YEAR = new Date().getFullYear() - 1;

/** Two valid region rows and one with a unit the definition is not measured in. */
const VALUES_CSV = ['indicator;version;unit;org_level;org_code;org_name;period;numerator;denominator', `named_doctor;2;percent;region;18;;${YEAR};5600;10000`, `named_doctor;;liters;region;18;;${YEAR - 4};1;2`].join('\n');

/** One person seen by the same doctor twice and another once (COC 1 for the first), plus a bad identity number. */
const CONTACTS_CSV = [
  'contact_id;person_id;care_unit;care_unit_name;provider;contact_date;contact_type;professional_category;practitioner;listed_unit;named_doctor;care_home;discharge_date;unplanned',
  `e2e-1;19400101-0018;E2E-VC;Vårdcentralen E2E;P1;${YEAR}-02-01;visit;läkare;E2E-A;E2E-VC;ja;nej;;`,
  `e2e-2;19400101-0018;E2E-VC;Vårdcentralen E2E;P1;${YEAR}-03-01;visit;läkare;E2E-A;E2E-VC;ja;nej;;`,
  `e2e-3;19400101-0012;E2E-VC;Vårdcentralen E2E;P1;${YEAR}-03-01;visit;läkare;E2E-A;E2E-VC;ja;nej;;`,
].join('\n');

/**
 * Indicators end to end: the analyst imports a CSV of values (one row refused by row and column), imports
 * primary-care contacts and computes the continuity index from them, then compares two regions on the
 * named-doctor share with the target line, Värmland's figure marked as measured by the older definition.
 */
describeInBrowser('indicators: import, compute, compare (chromium)', () => {
  const e2e = useE2e();

  it('imports values and contacts, computes continuity and compares two regions against the target', async () => {
    const user = await e2e.newUser();
    await e2e.login(user, demoStaff('Analytiker', 'Sofia Engström'));
    const main = await e2e.openFromMainMenu(user, 'Indikatorer', '/indicators');
    const { page } = user;
    await visible(main.getByRole('heading', { level: 1, name: 'Indikatordefinitioner' }));
    await visible(main.getByRole('table', { name: 'Definitioner och versioner' }).getByRole('row', { name: /Andel av befolkningen med fast läkarkontakt/ }));

    const nav = page.getByRole('navigation', { name: 'Indikatorernas sidor' });
    await nav.getByRole('link', { name: 'Import', exact: true }).click();
    const values = main.getByRole('form', { name: 'Indikatorvärden' });
    await values.locator('input[type=file]').setInputFiles({ name: 'varden.csv', mimeType: 'text/csv', buffer: Buffer.from(VALUES_CSV) });
    await values.getByRole('button', { name: 'Importera värden' }).click();
    await visible(main.getByRole('status').filter({ hasText: 'Importen av varden.csv är klar: 1 rader in, 0 oförändrade, 1 avvisade.' }));
    const rejected = main.getByRole('table', { name: 'Avvisade rader i varden.csv' });
    await visible(rejected.getByRole('row', { name: /3 unit unknown unit "liters"/ }));

    const contacts = main.getByRole('form', { name: 'Primärvårdskontakter' });
    await contacts.locator('input[type=file]').setInputFiles({ name: 'kontakter.csv', mimeType: 'text/csv', buffer: Buffer.from(CONTACTS_CSV) });
    await contacts.getByRole('button', { name: 'Importera kontakter' }).click();
    await visible(main.getByRole('status').filter({ hasText: 'Importen av kontakter.csv är klar: 2 rader in, 0 oförändrade, 1 avvisade.' }));
    await visible(main.getByRole('table', { name: 'Avvisade rader i kontakter.csv' }).getByRole('row', { name: /^4 person_id/ }));

    await nav.getByRole('link', { name: 'Beräkning', exact: true }).click();
    await visible(main.getByRole('heading', { level: 1, name: 'Beräkna indikatorer' }));
    await main.getByLabel(/^År/).fill(String(YEAR));
    await main.getByRole('button', { name: 'Beräkna' }).click();
    await visible(main.getByRole('status').filter({ hasText: new RegExp(`^Beräkningen för ${YEAR} är klar: \\d+ värden ur \\d+ kontakter`) }));

    await nav.getByRole('link', { name: 'Värden', exact: true }).click();
    await visible(main.getByRole('heading', { level: 1, name: 'Indikatorvärden' }));
    await main.getByRole('combobox', { name: 'Indikator', exact: true }).selectOption({ label: 'Kontinuitetsindex (COC) till läkare' });
    const coc = main.getByRole('table', { name: 'Värden för Kontinuitetsindex (COC) till läkare' });
    await visible(coc.getByRole('row', { name: /Vårdcentralen E2E .*1,00 Beräknat/ }));

    await nav.getByRole('link', { name: 'Jämförelse', exact: true }).click();
    await visible(main.getByRole('heading', { level: 1, name: 'Jämförelse mellan regioner' }));
    await main.getByRole('combobox', { name: 'Indikator', exact: true }).selectOption({ label: 'Andel av befolkningen med fast läkarkontakt' });
    await visible(main.getByText('Mål: minst 55 % senast 2022-12-31'));
    // Two regions: the demo region and Värmland, whose figure is by the survey (version 1).
    const regions = main.getByRole('group', { name: 'Regioner' });
    await visible(regions);
    for (const box of await regions.getByRole('checkbox').all()) {
      const label = await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? '');
      if (!/Örebro|Värmland/.test(label)) await box.uncheck();
    }
    const table = main.getByRole('table', { name: 'Värden per region och period' });
    await visible(table.getByRole('row', { name: /Värmland.*Version 1 – annan definition, jämförs inte direkt.*52 %/ }));
    await visible(table.getByRole('row', { name: /Örebro.*Version 2 \(gällande\).*56 %/ }));
    expect(await table.getByRole('row').count()).toBe(3);
    // The target line in the chart (a horizontal line has no height, so it is counted, not waited for as visible).
    expect(await main.locator('.recharts-reference-line-line[y="55"]').count()).toBe(1);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await expectNoProblems(user);
  });
});
