import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { openapiDocuments } from '../../src/generated/documents.ts';

const CHROMIUM = '/usr/bin/chromium';

/** Debian's chromium, headless; a missing browser is a broken set-up (`npm run setup`), not a skip. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run \`npm run setup\` (installs Debian chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Picks a document in Swagger UI's top-bar selector and waits until its title is shown. */
export async function selectDocument(page: Page, name: string): Promise<void> {
  await page.selectOption('.topbar select', { label: name });
  const { title } = openapiDocuments[name as keyof typeof openapiDocuments].info as { title: string };
  await expect.poll(() => page.locator('.info .title').first().textContent()).toContain(title);
}

/** Authorizes Swagger UI with a bearer token through its Authorize dialog (logging out a previous one). */
export async function authorize(page: Page, token: string): Promise<void> {
  await page.click('.auth-wrapper .authorize');
  const logout = page.locator('.modal-ux button', { hasText: 'Logout' });
  if ((await logout.count()) > 0) await logout.first().click();
  await page.fill('.modal-ux input[type=text]', token);
  await page.click('.modal-ux .auth-btn-wrapper .authorize');
  await page.click('.modal-ux .btn-done');
}

/**
 * Opens an operation, presses "Try it out" and Execute with the pre-filled first example (as
 * written), and returns the status cell of the live response.
 */
export async function executeFirstExample(page: Page, operationId: string) {
  const block = page.locator(`.opblock[id$="-${operationId}"]`);
  await block.locator('.opblock-summary').click();
  await block.locator('.try-out__btn').click();
  await block.locator('.execute').click();
  return block.locator('.live-responses-table tbody .response-col_status').first();
}
