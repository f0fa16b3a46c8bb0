import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium, as .ci/run installs it; the flags keep it headless, quiet and offline. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
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
