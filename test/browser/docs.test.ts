import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapiDocuments } from '../../src/generated/documents.ts';
import { startTestGateway, type TestGateway } from '../http/gateway-fixture.ts';
import { authorize, launchBrowser, selectDocument } from './browser-fixture.ts';

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
  gw = await startTestGateway();
  browser = await launchBrowser();
  page = await browser.newPage();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

describe('Swagger UI at /docs in a real browser', () => {
  it('renders every operation of every document, selectable in the top bar', async () => {
    await page.goto(`${gw.url}/docs`);
    await page.waitForSelector('.topbar select');
    const options = await page.$$eval('.topbar select option', (els) => els.map((el) => el.textContent));
    expect(options.sort()).toEqual(Object.keys(openapiDocuments).sort());
    for (const [name, doc] of Object.entries(openapiDocuments)) {
      await selectDocument(page, name);
      await page.waitForSelector('.opblock');
      expect(await page.locator('.opblock').count(), name).toBe(operationCount(doc));
    }
  }, 60_000);

  it('authorizes with a bearer token and "Try it out" returns 200', async () => {
    const admin = await gw.token('root', { admin: true });
    expect(
      (await gw.call('/admin/users', { token: admin, json: { id: 'alice', name: 'Alice' } })).status,
    ).toBe(201);
    await selectDocument(page, 'admin');
    await authorize(page, admin);
    await page.click('.opblock[id$="-getUser"] .opblock-summary');
    await page.click('.opblock[id$="-getUser"] .try-out__btn');
    await page.fill('.opblock[id$="-getUser"] input[placeholder="user_id"]', 'alice');
    await page.click('.opblock[id$="-getUser"] .execute');
    const status = page
      .locator('.opblock[id$="-getUser"] .live-responses-table tbody .response-col_status')
      .first();
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/200/);
    const body = await page
      .locator('.opblock[id$="-getUser"] .live-responses-table .microlight')
      .first()
      .textContent();
    expect(body).toContain('"alice"');
  }, 60_000);
});
