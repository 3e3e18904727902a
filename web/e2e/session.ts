import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchChromium, PageProblems, type Problem } from './browser.js';
import { startE2eServer, type E2eServer } from './server.js';

/** Waits until the locator shows exactly one visible element (playwright's locators are strict). */
export const visible = (locator: Locator) => locator.waitFor({ state: 'visible' });

/** The date `daysAhead` days from now in Swedish time, as yyyy-mm-dd (negative: days ago). */
export function swedishDate(daysAhead: number): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + daysAhead * 86_400_000));
}

/** The first Monday–Friday after today, in Swedish time: every demo site is open then. */
export function nextWeekday(): string {
  for (let i = 1; i < 8; i++) {
    const d = new Date(Date.now() + i * 86_400_000);
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', weekday: 'short' }).format(d);
    if (!['Sat', 'Sun'].includes(weekday)) return swedishDate(i);
  }
  throw new Error('no weekday in a week');
}

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1280, height: 900 };
/** Narrower than 500 px: the context is a touch phone. */
export const PHONE: Viewport = { width: 390, height: 844 };

/** One person at the browser: their own context (cookies), page and the page's problems. */
export interface User {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

/** Picks a demo user from the demo login panel. */
export type DemoPick = (panel: Locator) => Locator;

/** The staff member under the role heading `role` in the demo panel: a button starting with `name`, or matching it. */
export const demoStaff =
  (role: string, name: string | RegExp): DemoPick =>
  (panel) =>
    panel.getByRole('region', { name: role }).getByRole('button', { name: typeof name === 'string' ? new RegExp(`^${name}\\b`) : name });

/** The demo adult citizen with e-ID. */
export const demoCitizen: DemoPick = (panel) => panel.getByRole('button', { name: /Vuxen med e-legitimation/ });

/** Logs the user's page problems, if any. */
export function reportProblems({ problems }: User): void {
  if (problems.problems.length > 0) console.warn(`Page problems:\n${problems.describe()}`);
}

/** Waits for the network to settle, then expects no page problems except those `expected` accepts. */
export async function expectNoProblems({ page, problems }: User, expected: (p: Problem) => boolean = () => false): Promise<void> {
  await page.waitForLoadState('networkidle');
  const unexpected = problems.problems.filter((p) => !expected(p));
  expect(unexpected, problems.describe()).toEqual([]);
}

export interface E2e {
  /** The server's base URL (set once the suite has started). */
  readonly url: string;
  /** Another region's instance on the same database; returns its base URL. */
  alsoServe(regionId: string): Promise<string>;
  /** A fresh browser context in Swedish and Swedish time; closed after the suite if still open. */
  newUser(viewport?: Viewport): Promise<User>;
  /** Opens the app logged out: it sends us to /login, which offers the demo users; returns that panel. */
  openDemoLogin(user: User): Promise<Locator>;
  /** Logs in as the demo user `pick` finds and waits for the start page; returns the user's name. */
  login(user: User, pick: DemoPick): Promise<string>;
  /** Follows the main menu's `link` to `path`; returns the page's main. */
  openFromMainMenu(user: User, link: string, path: string): Promise<Locator>;
}

/**
 * Starts the server and chromium (together) before the enclosing describe's tests, and stops both after
 * them; users still open then have their page problems logged and are closed first.
 */
export function useE2e(): E2e {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  const open = new Set<User>();

  beforeAll(async () => {
    const [s, b] = await Promise.allSettled([startE2eServer(), launchChromium()]);
    if (s.status === 'fulfilled') server = s.value;
    if (b.status === 'fulfilled') browser = b.value;
    if (s.status === 'rejected') throw s.reason;
    if (b.status === 'rejected') throw b.reason;
  });

  afterAll(async () => {
    for (const user of open) {
      reportProblems(user);
      await user.context.close();
    }
    await browser?.close();
    await server?.stop();
  });

  const e2e: E2e = {
    get url() {
      if (!server) throw new Error('the e2e server has not started');
      return server.url;
    },

    alsoServe(regionId) {
      if (!server) throw new Error('the e2e server has not started');
      return server.alsoServe(regionId);
    },

    async newUser(viewport = DESKTOP) {
      if (!browser) throw new Error('chromium has not started');
      const phone = viewport.width < 500;
      const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm', viewport, isMobile: phone, hasTouch: phone });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const user = { context, page, problems: new PageProblems(page) };
      open.add(user);
      context.on('close', () => open.delete(user));
      return user;
    },

    async openDemoLogin({ page, problems }) {
      await page.goto(`${e2e.url}/`);
      await page.waitForURL(`${e2e.url}/login`);
      await visible(page.getByRole('heading', { level: 1, name: 'Logga in' }));
      const panel = page.getByRole('region', { name: /^Demoinloggning/ });
      await visible(panel);
      // The only 401 we accept has happened by now (it is what sent us here); from here on, none.
      problems.markLoggedIn();
      return panel;
    },

    async login(user, pick) {
      const button = pick(await e2e.openDemoLogin(user));
      const name = (await button.innerText()).split('\n')[0]!.trim();
      await button.click();
      await user.page.waitForURL(`${e2e.url}/`);
      await visible(user.page.getByRole('main').getByRole('heading', { level: 1, name: `Hej ${name}!` }));
      return name;
    },

    async openFromMainMenu({ page }, link, path) {
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: link }).click();
      await page.waitForURL(`${e2e.url}${path}`);
      return page.getByRole('main');
    },
  };
  return e2e;
}
