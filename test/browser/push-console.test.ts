import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE } from '../../src/sandbox/index.ts';
import { startTestGateway, type TestGateway } from '../http/gateway-fixture.ts';
import { authorize, executeFirstExample, launchBrowser, selectDocument } from './browser-fixture.ts';

/**
 * Issue 13 items 1–3 in a real browser, on a development gateway with the sandbox: the AsyncAPI
 * view, the live push console fed by a send executed from the page, and each variant's first
 * example executed as written.
 */
let gw: TestGateway;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  gw = await startTestGateway({ IMGATE_SANDBOX: 'auto' });
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(String(error)));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

const frames = (event: string) => page.locator(`#push-frames .push-frame[data-event="${event}"]`);

async function framePayload(event: string): Promise<Record<string, unknown>> {
  return JSON.parse((await frames(event).first().locator('pre').textContent()) ?? '') as Record<
    string,
    unknown
  >;
}

describe('the docs pages in a real browser', () => {
  it('renders the AsyncAPI document at /docs/push, linked both ways with Swagger UI', async () => {
    await page.goto(`${gw.url}/docs`);
    await page.waitForSelector('.topbar select');
    await page.click('nav.imgate-nav a[href="/docs/push"]');
    await page.waitForURL(`${gw.url}/docs/push`);
    // Rendered by the AsyncAPI component: the title, the operation and every message of the document.
    const rendered = page.locator('#asyncapi');
    await expect.poll(() => rendered.innerText(), { timeout: 20_000 }).toContain('receiveChatMessage');
    const text = await rendered.innerText();
    for (const expected of [
      'imgate push channel',
      'sendMessage',
      'withdrawMessage',
      'readMessage',
      'canonicalEvent',
    ]) {
      expect(text).toContain(expected);
    }
    await page.click('nav.imgate-nav a[href="/docs"]');
    await page.waitForURL(`${gw.url}/docs`);
    await page.waitForSelector('.topbar select');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('a one-click sandbox token opens /ws; /message/send executed as written shows its valid frame', async () => {
    await page.goto(`${gw.url}/docs`);
    await page.click(`#sandbox button[data-user="${ALICE}"]`);
    await expect
      .poll(() => page.getAttribute('#push-status', 'data-state'), { timeout: 15_000 })
      .toBe('open');
    await selectDocument(page, 'messages');
    const status = await executeFirstExample(page, 'sendMessage');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/200/);
    await expect.poll(() => frames('send message').count(), { timeout: 15_000 }).toBe(1);
    const frame = frames('send message').first();
    expect(await frame.getAttribute('data-valid')).toBe('true');
    expect(await frame.getAttribute('data-message')).toBe('sendMessage');
    // Alice is the sandbox's first user and the group its first chat; the new message is number 7.
    expect(await framePayload('send message')).toMatchObject({
      type: 'chat.message',
      status: 'send message',
      user_id: 1,
      chat_id: 1,
      msg_id: 7,
    });
    // Links show the request body they pass (Swagger UI alone printed "Parameters {}" for each).
    const links = await page.locator('.opblock[id$="-sendMessage"] .operation-link pre').allTextContents();
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((text) => text.includes('Parameters {}'))).toEqual([]);
    expect(
      links.some((text) => text.includes('Request body') && text.includes('$response.body#/data/id')),
    ).toBe(true);
    await page.selectOption('#push-filter', 'withdraw message');
    expect(await frame.isHidden()).toBe(true);
    await page.selectOption('#push-filter', '');
    expect(await frame.isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('marks frames that do not match an AsyncAPI message as invalid, with the schema errors', async () => {
    // A page of its own whose /ws is answered by Playwright: the gateway never sends a bad frame.
    const context = await browser.newContext();
    const own = await context.newPage();
    const sent = [
      { type: 'chat.message', status: 'read message', user_id: 2, chat_id: 1, msg_id: 3, update_time: 1.5 },
      {
        type: 'chat.message',
        status: 'send message',
        user_id: 'alice',
        chat_id: 1,
        msg_id: 3,
        update_time: 1,
      },
      'not json',
    ];
    await own.routeWebSocket(/\/ws\?/, (ws) => {
      for (const frame of sent) ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
    });
    await own.goto(`${gw.url}/docs`);
    await own.click(`#sandbox button[data-user="${ALICE}"]`);
    const items = own.locator('#push-frames .push-frame');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBe(3);
    // Newest first: the non-JSON text, the send with a string user_id, the valid read.
    expect(await items.evaluateAll((els) => els.map((e) => [e.dataset.event, e.dataset.valid]))).toEqual([
      ['unknown', 'false'],
      ['send message', 'false'],
      ['read message', 'true'],
    ]);
    expect(await items.nth(1).locator('.push-errors').textContent()).toMatch(
      /sendMessage: \/user_id must be integer/,
    );
    expect(await items.nth(2).getAttribute('data-message')).toBe('readMessage');
    await own.selectOption('#push-filter', 'read message');
    expect(await items.evaluateAll((els) => els.filter((e) => !e.hidden).length)).toBe(1);
    await context.close();
  }, 60_000);

  it("executes each variant's first example as written from the page", async () => {
    // Alice is still authorized (persisted); the console keeps receiving her events.
    for (const [document, operationId, event] of [
      ['imchat', 'imchatSend', 'send message'],
      ['record', 'recordRevoke', 'withdraw message'],
      // The multipart frames: the part `file` is pre-filled with the JSON frame and sent as written.
      ['record', 'recordPush', 'send message'],
      ['record', 'recordPush2', 'send message'],
    ] as const) {
      await selectDocument(page, document);
      const before = await frames(event).count();
      const status = await executeFirstExample(page, operationId);
      await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/200/);
      await expect.poll(() => frames(event).count(), { timeout: 15_000 }).toBe(before + 1);
    }
    expect(await frames('send message').count()).toBe(4);
    expect(await framePayload('withdraw message')).toMatchObject({ status: 'withdraw message', msg_id: 5 });
    expect(await page.locator('#push-frames .push-frame[data-valid="false"]').count()).toBe(0);
    await selectDocument(page, 'admin');
    await authorize(page, await gw.token('ops', { admin: true }));
    const created = await executeFirstExample(page, 'createUser');
    await expect.poll(() => created.textContent(), { timeout: 15_000 }).toMatch(/201/);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
