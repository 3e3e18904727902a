import { existsSync } from 'node:fs';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { describe, it } from 'vitest';

/** Debian's chromium unless CHROMIUM_PATH says otherwise. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumFound = existsSync(chromiumPath);
export const MISSING_CHROMIUM = `chromium not found: apt-get install chromium (looked for ${chromiumPath}; set CHROMIUM_PATH to use another)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** `CI` set to anything but an empty string, 0 or false. */
const onCi = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/**
 * `describe` for browser tests: without chromium the suite is skipped with a clear message, except
 * under CI (env `CI` set), where a missing chromium fails the run.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (chromiumFound) {
    describe(name, suite);
  } else if (onCi) {
    describe(name, () => {
      it('has chromium to run in', () => {
        throw new Error(MISSING_CHROMIUM);
      });
    });
  } else {
    console.warn(`[browser tests] ${name}: SKIPPED, ${MISSING_CHROMIUM}`);
    describe.skip(`${name} (skipped: ${MISSING_CHROMIUM})`, suite);
  }
}

export interface Problem {
  kind: 'console' | 'pageerror' | 'requestfailed' | 'http';
  text: string;
  url?: string;
  status?: number;
}

/**
 * Collects what should not happen on a healthy page: console errors, uncaught exceptions, requests that
 * failed on the network and HTTP error responses. The one expected problem, the 401 from
 * `GET /api/session` before anyone has logged in (which chromium also logs as a console error
 * "Failed to load resource: … 401"), is set aside and counted in `expected401s` instead.
 */
export class PageProblems {
  readonly problems: Problem[] = [];
  expected401s = 0;
  private loggedIn = false;

  constructor(page: Page) {
    page.on('console', (msg) => this.onConsole(msg));
    page.on('pageerror', (error) => this.problems.push({ kind: 'pageerror', text: error.stack ?? error.message }));
    page.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText ?? 'failed';
      // A read the browser dropped because the page navigated on (or the app cancelled it) lost nothing.
      if (request.method() === 'GET' && reason === 'net::ERR_ABORTED') return;
      this.problems.push({ kind: 'requestfailed', text: `${request.method()} ${request.url()}: ${reason}`, url: request.url() });
    });
    page.on('response', (response) => {
      const status = response.status();
      if (status < 400) return;
      const url = response.url();
      if (this.isExpected401(url, status)) this.expected401s++;
      else this.problems.push({ kind: 'http', text: `${response.request().method()} ${url} → ${status}`, url, status });
    });
  }

  /** From now on a 401 from /api/session is a problem too. */
  markLoggedIn(): void {
    this.loggedIn = true;
  }

  private isExpected401(url: string, status: number): boolean {
    return !this.loggedIn && status === 401 && new URL(url).pathname === '/api/session';
  }

  private onConsole(msg: ConsoleMessage): void {
    if (msg.type() !== 'error') return;
    const url = msg.location().url;
    // Chromium's own line for an HTTP error response names the resource as the message's location.
    if (/Failed to load resource: .*\b401\b/.test(msg.text()) && url && this.isExpected401(url, 401)) return;
    this.problems.push({ kind: 'console', text: msg.text(), url });
  }

  /** A readable list for assertion messages. */
  describe(): string {
    return this.problems.map((p) => `${p.kind}: ${p.text}`).join('\n');
  }
}
