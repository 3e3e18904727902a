import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { describeInBrowser } from './browser.js';
import { demoCitizen, demoStaff, DESKTOP, expectNoProblems, useE2e, visible, type User } from './session.js';

/**
 * Referrals (issue 18, section 1): a clinician at a vårdcentral writes a referral and prints its label, the lab
 * expects it and answers it positive by uploading a CSV that names the referral id, the unit's list shows the
 * answer, the tracing case opens naming the vårdcentral, and the coordinator hands the case there and back.
 */
describeInBrowser('referrals: from the vårdcentral to the lab and to tracing on the vårdcentral (chromium)', () => {
  const e2e = useE2e();
  let citizen: User;
  let clinician: User;
  let lab: User;
  let coordinator: User;
  const subNav = (page: Page) => page.getByRole('navigation', { name: 'Provtagningens sidor' });

  beforeAll(async () => {
    citizen = await e2e.newUser(DESKTOP);
    clinician = await e2e.newUser(DESKTOP);
    lab = await e2e.newUser(DESKTOP);
    coordinator = await e2e.newUser(DESKTOP);
  });

  it('a clinician writes a referral, the lab answers it positive, and the coordinator hands the case to the vårdcentral', async () => {
    const citizenName = await e2e.login(citizen, demoCitizen);

    // The lab finds the citizen's identity number the way staff do (by name, through the API).
    await e2e.login(lab, demoStaff('Laboratorium', 'Johan Ek'));
    const found = await lab.page.request.get(`${e2e.url}/api/persons?name=${encodeURIComponent(citizenName)}&purpose=provtagning`);
    expect(found.status()).toBe(200);
    const person = ((await found.json()) as { people: { identityNumber: string; givenName: string; familyName: string }[] }).people.find((p) => `${p.givenName} ${p.familyName}` === citizenName);
    expect(person, `no person named ${citizenName}`).toBeDefined();

    // The clinician writes the referral: a bad number first, refused naming the field.
    await e2e.login(clinician, demoStaff('Vårdpersonal', 'Dr. Elin Strand'));
    const main = await e2e.openFromMainMenu(clinician, 'Provtagning', '/testing');
    await visible(main.getByRole('heading', { level: 1, name: 'Enhetens remisser' }));
    await subNav(clinician.page).getByRole('link', { name: 'Skriv remiss' }).click();
    await visible(main.getByRole('heading', { level: 1, name: 'Skriv remiss' }));
    await main.getByLabel(/^Personnummer/).fill('19000101-0000');
    await main.getByLabel(/^Frågeställning/).fill('Feber och hosta sedan två dagar');
    await main.getByRole('button', { name: 'Skriv remiss' }).click();
    await visible(main.getByRole('alert').filter({ hasText: 'Remissen kunde inte skrivas' }));
    await main.getByLabel(/^Personnummer/).fill(person!.identityNumber);
    expect(await main.getByLabel(/^Provet tas av vårdpersonal/).isChecked()).toBe(true);
    await main.getByRole('button', { name: 'Skriv remiss' }).click();
    const written = main.getByRole('status').filter({ hasText: /Remiss .* är skriven/ });
    await visible(written);
    const code = /Remiss (\S+) är skriven/.exec(await written.innerText())![1]!;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);

    // The label downloads as a PDF.
    const [download] = await Promise.all([clinician.page.waitForEvent('download'), written.getByRole('link', { name: 'Skriv ut etikett (PDF)' }).click()]);
    expect(download.suggestedFilename()).toBe(`remiss-${code}.pdf`);
    expect(readFileSync((await download.path())!).subarray(0, 5).toString()).toBe('%PDF-');

    // The unit's list shows it sampled.
    await subNav(clinician.page).getByRole('link', { name: 'Enhetens remisser' }).click();
    const unitTable = main.getByRole('table', { name: 'Remisser från din enhet, senaste provtagning först' });
    const unitRow = unitTable.getByRole('row', { name: new RegExp(code) });
    await visible(unitRow.getByText('Provtagen'));
    const unitName = ((await (await clinician.page.request.get(`${e2e.url}/api/testing/referrals`)).json()) as { referrals: { code: string; orderingUnitName: string }[] }).referrals.find((r) => r.code === code)!.orderingUnitName;

    // The lab expects it, then answers it by uploading a CSV naming the referral id.
    const labMain = await e2e.openFromMainMenu(lab, 'Provtagning', '/testing');
    await subNav(lab.page).getByRole('link', { name: 'Väntade remisser' }).click();
    const expected = labMain.getByRole('table', { name: 'Väntade remisser, försenade först' });
    await visible(expected.getByRole('row', { name: new RegExp(code) }).getByText(unitName));
    await subNav(lab.page).getByRole('link', { name: 'Importera provsvar' }).click();
    await visible(labMain.getByRole('heading', { level: 1, name: 'Importera provsvar' }));
    const resultTime = new Date(Date.now() - 60_000).toISOString();
    await labMain.locator('input[type=file]').setInputFiles({ name: `remissvar-${code}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`referral_id;test_type;result;result_time\n${code};pcr;positiv;${resultTime}\n`) });
    await labMain.getByRole('button', { name: 'Importera', exact: true }).click();
    await visible(labMain.getByRole('heading', { name: `Importen av remissvar-${code}.csv är klar` }));
    const accepted = labMain.getByRole('row', { name: /^Registrerat/ });
    await visible(accepted);
    expect(await accepted.getByRole('cell').innerText()).toBe('1');

    // The unit's list shows the answer.
    await clinician.page.reload();
    await visible(unitRow.getByText('Besvarad'));
    await visible(unitRow.getByText('Positiv'));

    // The case opens naming the vårdcentral; the coordinator hands it there, sees it under "Vårdcentral", and takes it back.
    await e2e.login(coordinator, demoStaff('Smittspårningskoordinator', 'Maria Berg'));
    const tracing = await e2e.openFromMainMenu(coordinator, 'Smittspårning', '/tracing');
    await visible(tracing.getByRole('heading', { level: 1, name: 'Smittspårning – ärendekö' }));
    const handOver = tracing.getByRole('button', { name: `Lämna ärendet för ${citizenName} till ${unitName}` });
    await expect
      .poll(
        async () => {
          if ((await handOver.count()) > 0) return true;
          await tracing.getByRole('button', { name: 'Uppdatera' }).click();
          await coordinator.page.waitForLoadState('networkidle');
          return (await handOver.count()) > 0;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    const queue = tracing.getByRole('table', { name: 'Ärenden i kön' });
    const caseRow = queue.getByRole('row', { name: new RegExp(citizenName) });
    await visible(caseRow.getByText(`Remiss: ${unitName}`));
    await handOver.click();
    await visible(tracing.getByRole('status').filter({ hasText: `Ärendet för ${citizenName} smittspåras nu på ${unitName}.` }));
    await visible(caseRow.getByText(`Smittspåras på ${unitName}`));
    await tracing.getByRole('radio', { name: 'Smittspårningsenheten' }).check();
    await expect.poll(async () => await queue.getByRole('row', { name: new RegExp(citizenName) }).count(), { timeout: 10_000 }).toBe(0);
    await tracing.getByRole('radio', { name: 'Vårdcentral' }).check();
    await visible(caseRow.getByText(`Smittspåras på ${unitName}`));
    await tracing.getByRole('button', { name: `Ta tillbaka ärendet för ${citizenName} till smittspårningsenheten` }).click();
    await visible(tracing.getByRole('status').filter({ hasText: `Ärendet för ${citizenName} är tillbaka hos smittspårningsenheten.` }));

    // The answer reached the citizen as any answer does.
    const mine = (await (await citizen.page.request.get(`${e2e.url}/api/testing/my`)).json()) as { samples: { kitCode: string | null; result: string | null }[] };
    expect(mine.samples.find((s) => s.kitCode === code)?.result).toBe('positive');

    // The one refused referral (the bad number) is the only problem on the clinician's page.
    await expectNoProblems(clinician, (p) => (p.kind === 'http' && p.status === 400 && !!p.url?.endsWith('/api/testing/referrals')) || (p.kind === 'console' && /\b400\b/.test(p.text)));
    for (const user of [lab, coordinator]) await expectNoProblems(user);
  });
});
