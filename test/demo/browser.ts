import { accessSync, constants, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium, as .ci/run installs it (`CHROMIUM` names another binary). */
export const CHROMIUM_PATH = process.env.CHROMIUM || '/usr/bin/chromium';

/** The one line a browser suite fails with when there is no Chromium; undefined when there is one. */
export function chromiumMissing(path = CHROMIUM_PATH): string | undefined {
  try {
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return (
      `Chromium not found at ${path}: the browser tests need Debian's chromium ` +
      `(apt-get install -y chromium) or CHROMIUM=/path/to/chromium.`
    );
  }
}

/**
 * `describe` for a suite that drives Chromium. Without Chromium the suite is one failing test whose message is
 * the line above, instead of a cascade of errors from a beforeAll that could not launch it; no other suite is
 * touched.
 */
export function describeInChromium(name: string, fn: () => void): void {
  const missing = chromiumMissing();
  if (!missing) {
    describe(name, fn);
    return;
  }
  describe(name, () => {
    it('needs Chromium', () => {
      const error = new Error(missing);
      error.stack = missing;
      throw error;
    });
  });
}

/** Chromium, headless, quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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

export const ARTIFACTS_DIR = join(__dirname, '..', '..', 'test-artifacts', 'demo');

/** Saves a full-page screenshot under test-artifacts/demo/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Collects what the page logs as errors, so a broken script fails the test with its message. */
export function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return errors;
}

export interface OpenedSession {
  id: string;
  klarna_session_id: string;
  terms: { id: string; title: string; version: number; content_sha256: string };
}

/** Opens /demo and waits until its session exists and Klarna's widget is loaded. */
export async function openSignUpPage(
  context: BrowserContext,
  baseUrl: string,
): Promise<{ page: Page; session: OpenedSession; errors: string[] }> {
  const page = await context.newPage();
  const errors = pageErrors(page);
  const sessionAnswer = page.waitForResponse(
    (r) => r.url().endsWith('/demo/api/sessions') && r.request().method() === 'POST',
  );
  await page.goto(`${baseUrl}/demo`);
  const session = (await (await sessionAnswer).json()) as OpenedSession;
  await page.locator('.klarna-emulator-widget').waitFor();
  await page.getByLabel(/^I agree to/).waitFor({ state: 'attached' });
  return { page, session, errors };
}

/** Picks the persona, ticks the consent, signs up; returns the outcome the page shows (approved/declined). */
export async function signUpAs(page: Page, persona: 'Approved' | 'Declined'): Promise<string> {
  await page.getByRole('radio', { name: new RegExp(persona) }).check();
  await page.getByRole('checkbox', { name: /^I agree to/ }).check();
  await page.getByRole('button', { name: 'Sign up with Klarna' }).click();
  await page.locator('#status[data-outcome]').waitFor();
  return (await page.locator('#status').getAttribute('data-outcome'))!;
}
