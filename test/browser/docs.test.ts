import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiDocuments } from '../../src/generated/documents.ts';
import { startTestGateway, type TestGateway } from '../http/gateway-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

function operationCount(doc: Record<string, unknown>): number {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, unknown>>;
  return Object.values(paths).reduce(
    (n, item) => n + Object.keys(item).filter((k) => METHODS.has(k)).length,
    0,
  );
}

let gw: TestGateway;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // A missing browser is a broken set-up, not a reason to skip: `npm run setup` installs it.
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run \`npm run setup\` (installs Debian chromium)`);
  gw = await startTestGateway();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

async function selectDocument(name: string): Promise<void> {
  await page.selectOption('.topbar select', { label: name });
  const { title } = openapiDocuments[name as keyof typeof openapiDocuments].info as { title: string };
  await expect.poll(() => page.locator('.info .title').first().textContent()).toContain(title);
}

describe('Swagger UI at /docs in a real browser', () => {
  it('renders every operation of every document, selectable in the top bar', async () => {
    await page.goto(`${gw.url}/docs`);
    await page.waitForSelector('.topbar select');
    const options = await page.$$eval('.topbar select option', (els) => els.map((el) => el.textContent));
    expect(options.sort()).toEqual(Object.keys(openapiDocuments).sort());
    for (const [name, doc] of Object.entries(openapiDocuments)) {
      await selectDocument(name);
      await page.waitForSelector('.opblock');
      expect(await page.locator('.opblock').count(), name).toBe(operationCount(doc));
    }
  }, 60_000);

  it('authorizes with a bearer token and "Try it out" returns 200', async () => {
    const admin = await gw.token('root', { admin: true });
    expect(
      (await gw.call('/admin/users', { token: admin, json: { id: 'alice', name: 'Alice' } })).status,
    ).toBe(201);
    await selectDocument('admin');
    await page.click('.auth-wrapper .authorize');
    await page.fill('.modal-ux input[type=text]', admin);
    await page.click('.modal-ux .auth-btn-wrapper .authorize');
    await page.click('.modal-ux .btn-done');
    await page.click('#operations-users-getUser .opblock-summary');
    await page.click('#operations-users-getUser .try-out__btn');
    await page.fill('#operations-users-getUser input[placeholder="user_id"]', 'alice');
    await page.click('#operations-users-getUser .execute');
    const status = page
      .locator('#operations-users-getUser .live-responses-table tbody .response-col_status')
      .first();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/200/);
    const body = await page
      .locator('#operations-users-getUser .live-responses-table .microlight')
      .first()
      .textContent();
    expect(body).toContain('"alice"');
  }, 60_000);
});
