import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { NAVIGATION, ROLES, sectionPath, type Role } from '../src/navigation.js';
import { describeInBrowser } from './browser.js';
import { DESKTOP, expectNoProblems, useE2e, visible, type DemoPick, type User } from './session.js';

/**
 * WCAG 2.1 AA (issue 19, section 2): every page of every role's menu, in Swedish and in English, has no
 * serious or critical axe violation. The pages come from the navigation table (`NAVIGATION`) and, within a
 * section, from its sub-navigation on the page, so a new page is checked without touching this file.
 */

/** The first demo user listed under the role's heading in the demo panel (the headings' ids name the role). */
const demoOfRole =
  (role: Role): DemoPick =>
  (panel) =>
    role === 'citizen'
      ? panel.getByRole('button', { name: /Vuxen med e-legitimation/ })
      : panel.locator(`section[aria-labelledby="demo-role-${role}"]`).getByRole('button').first();

interface Finding {
  page: string;
  language: string;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The serious and critical WCAG 2.0/2.1 A/AA violations on the page as it is now. */
async function violations(page: Page, language: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const path = new URL(page.url()).pathname;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: path,
      language,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
}

/** Waits until the page has loaded its data: no request in flight and no loader showing. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('[role="status"] .mantine-Loader-root').count(), { timeout: 15_000 }).toBe(0);
  await visible(page.getByRole('main').getByRole('heading', { level: 1 }).first());
}

/** The language switch in the header; it names the other language. */
const switchLanguage = async (page: Page) => {
  await page.getByRole('banner').getByRole('button', { name: /^(In English|På svenska)$/ }).click();
};

/** Runs axe on the page in Swedish, switches to English, runs again and switches back. */
async function checkBothLanguages(page: Page): Promise<Finding[]> {
  await settled(page);
  const found = await violations(page, 'sv');
  await switchLanguage(page);
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  await settled(page);
  found.push(...(await violations(page, 'en')));
  await switchLanguage(page);
  await page.locator('html[lang="sv"]').waitFor({ state: 'attached' });
  return found;
}

/** The paths of the section's sub-navigation links on the current page (none when it has no sub-navigation). */
async function subPages(page: Page, section: string): Promise<string[]> {
  const hrefs = await page
    .getByRole('main')
    .locator(`nav a[href^="${section}"]`)
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs)].filter((href) => href !== section);
}

describeInBrowser('accessibility: every page of every role, in Swedish and English (chromium, axe)', () => {
  const e2e = useE2e();
  // Each role's start page and section pages show what that role may do, so they are checked for every role;
  // a section's sub-pages (statistics, registers) are the same for each role that reaches them, so once.
  const subPagesChecked = new Set<string>();

  // What a page renders does not depend on the database under it: CI runs the walk on the embedded one only.
  describe.skipIf(!!process.env.DATABASE_URL).each(ROLES)('%s', (role) => {
    let user: User;
    beforeAll(async () => {
      user = await e2e.newUser(DESKTOP);
    });

    it('has no serious or critical WCAG 2.1 AA violation on any page of its menu', { timeout: 300_000 }, async () => {
      const { page } = user;
      await e2e.login(user, demoOfRole(role));
      const findings = await checkBothLanguages(page);
      const visited = ['/'];
      for (const entry of NAVIGATION[role]) {
        const section = sectionPath(entry.section);
        await page.getByRole('navigation').locator(`a[href="${section}"]`).first().click();
        await page.waitForURL(`${e2e.url}${section}`);
        findings.push(...(await checkBothLanguages(page)));
        visited.push(section);
        for (const sub of await subPages(page, section)) {
          if (subPagesChecked.has(sub)) continue;
          await page.getByRole('main').locator(`nav a[href="${sub}"]`).click();
          await page.waitForURL(`${e2e.url}${sub}`);
          findings.push(...(await checkBothLanguages(page)));
          subPagesChecked.add(sub);
          visited.push(sub);
        }
      }
      expect(visited.length).toBeGreaterThanOrEqual(NAVIGATION[role].length + 1);
      expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
      await expectNoProblems(user);
      await user.context.close();
    });
  });
});

/** What has the keyboard focus: its name and whether it shows a focus indicator. */
interface Focused {
  name: string;
  tag: string;
  indicator: boolean;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', tag: 'body', indicator: false };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.innerText ?? el.innerText ?? '';
    return { name: label.trim(), tag: el.tagName.toLowerCase(), indicator: outline || style.boxShadow !== 'none' };
  });

/** Presses Tab until the focused element's name matches (at most `max` times); expects a visible focus indicator there. */
async function tabTo(page: Page, name: RegExp, max = 150): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (name.test(now.name)) {
      expect(now.indicator, `focus indicator on ${now.tag} "${now.name}"`).toBe(true);
      return now;
    }
  }
  throw new Error(`Tab never reached ${name}`);
}

describeInBrowser('keyboard and narrow screens (chromium)', () => {
  const e2e = useE2e();

  it('a tracer logs in, opens a menu item and submits a form by keyboard only, each stop with a focus indicator', async () => {
    const user = await e2e.newUser(DESKTOP);
    const { page } = user;
    await e2e.openDemoLogin(user);
    await tabTo(page, /^Sara Holm\b/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${e2e.url}/`);
    await visible(page.getByRole('heading', { level: 1, name: 'Hej Sara Holm!' }));

    await tabTo(page, /^Sök person$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${e2e.url}/persons`);
    await visible(page.getByRole('heading', { level: 1, name: 'Sök person' }));

    await tabTo(page, /^Personnummer/);
    await page.keyboard.type('19121212-1212');
    await tabTo(page, /^Anledning/);
    await page.keyboard.type('Kontroll av tangentbordsnavigering');
    await tabTo(page, /^Sök$/);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('main').getByText('Ingen person i regionen matchar sökningen.'));
    await expectNoProblems(user);
  });

  it("at 1366 px the tracers' queue scrolls inside its own frame: its last column is reachable, the page does not scroll sideways, badges are whole", async () => {
    const user = await e2e.newUser({ width: 1366, height: 900 });
    const { page } = user;
    await e2e.login(user, demoOfRole('tracer'));
    const main = await e2e.openFromMainMenu(user, 'Smittspårning', '/tracing');
    await main.getByLabel('Alla').check();
    const queue = main.getByRole('table', { name: 'Ärenden i kön' });
    await visible(queue);
    await visible(queue.locator('tbody tr').first());

    const pageScrollsSideways = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(await pageScrollsSideways()).toBe(false);

    const frame = queue.locator('xpath=ancestor::div[contains(@class, "data-table-frame")]');
    await frame.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const lastHeader = queue.locator('thead th').last();
    const [frameBox, lastBox] = [await frame.boundingBox(), await lastHeader.boundingBox()];
    expect(frameBox && lastBox).toBeTruthy();
    expect(lastBox!.x + lastBox!.width).toBeLessThanOrEqual(frameBox!.x + frameBox!.width + 1);
    expect(lastBox!.x).toBeGreaterThanOrEqual(frameBox!.x - 1);
    expect(await pageScrollsSideways()).toBe(false);

    const cut = await queue.locator('.mantine-Badge-label').evaluateAll((labels) =>
      labels.filter((l) => l.scrollWidth > l.clientWidth + 1 || (l.parentElement && l.parentElement.scrollWidth > l.parentElement.clientWidth + 1)).map((l) => l.textContent),
    );
    expect(cut).toEqual([]);
    await expectNoProblems(user);
  });
});
