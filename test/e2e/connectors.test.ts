/** End to end, as an engineer would: configure a twilio-sms connector on the Connectors screen, pointed at a loopback Twilio, and send a test message. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { closeE2eSession, openE2eSession } from '../support/e2e-session.js';
import { localLoginApi } from '../support/local-api.js';
import { FAKE_ACCOUNT_SID, INVALID_NUMBER, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import type { TestCarepath } from '../support/carepath.js';

let carepath: TestCarepath;
let browser: Browser;
let page: Page;
let twilio: FakeTwilio;

const TOKEN = 'e2e-clinic-token-5c81d0a97f3b';
const ENGINEER = { email: 'eli@engineers.example.org', name: 'Eli Engineer', password: 'eli-connects-2026' };
const admin = localLoginApi(() => carepath);
const byTestId = (id: string) => page.getByTestId(id);

beforeAll(async () => {
  ({ carepath, browser, page } = await openE2eSession({ loadExamples: false }));
  twilio = await startFakeTwilio(FAKE_ACCOUNT_SID, TOKEN);
  const created = await admin('POST', '/users', { ...ENGINEER, roles: ['engineer'] });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await twilio?.close();
  await closeE2eSession({ carepath, browser });
});

describe('the Connectors screen', () => {
  it('lets an engineer configure a twilio-sms connector from its generated form, the secret never shown again', async () => {
    await page.goto(carepath.url);
    await byTestId('login-email').fill(ENGINEER.email);
    await byTestId('login-password').fill(ENGINEER.password);
    await byTestId('login-submit').click();
    await byTestId('nav-connectors').click();
    await byTestId('connector-row-dev').waitFor();

    await byTestId('connector-new').click();
    await byTestId('connector-type').selectOption('twilio-sms');
    await byTestId('connector-id').fill('clinic-sms');
    await byTestId('connector-name').fill('Clinic SMS');
    // Fields generated from the settings schema; a wrong account SID is refused under its own field.
    await byTestId('connector-setting-accountSid').fill('AC-not-a-sid');
    await byTestId('connector-setting-authToken').fill(TOKEN);
    await byTestId('connector-setting-from').fill('+15550001111');
    await byTestId('connector-setting-baseUrl').fill(twilio.baseUrl);
    await byTestId('connector-save').click();
    await expect
      .poll(() => byTestId('connector-setting-accountSid-problems').textContent())
      .toMatch(/must be a Twilio account SID/);

    await byTestId('connector-setting-accountSid').fill(FAKE_ACCOUNT_SID);
    await byTestId('connector-save').click();
    const row = byTestId('connector-row-clinic-sms');
    await row.waitFor();
    expect(await row.textContent()).toContain('saved here');
    expect(await row.textContent()).toContain('1 of 1 set');
    await expect.poll(() => byTestId('connector-setting-authToken-state').textContent()).toContain('set');
    expect(await byTestId('connector-setting-authToken').inputValue()).toBe('');
    expect(await byTestId('connector-setting-accountSid').inputValue()).toBe(FAKE_ACCOUNT_SID);

    const listed = await admin('GET', '/connector-instances');
    expect(JSON.stringify(listed.body)).not.toContain(TOKEN);
  });

  it('sends a test message the loopback Twilio receives, and shows the provider refusing a bad number', async () => {
    await byTestId('connector-test-to').fill('+1 555 010 4242');
    await byTestId('connector-test-body').fill('Carepath connector check');
    await byTestId('connector-test-send').click();
    await expect.poll(() => byTestId('connector-test-result').textContent()).toMatch(/Accepted by the provider \(SM/);
    expect(twilio.messagesTo('+15550104242').map((m) => m.params.Body)).toEqual(['Carepath connector check']);
    expect(twilio.messagesTo('+15550104242')[0].params.From).toBe('+15550001111');

    await byTestId('connector-test-to').fill(INVALID_NUMBER);
    await byTestId('connector-test-send').click();
    await expect.poll(() => byTestId('connector-test-result').textContent()).toMatch(/Not sent: .*21211/);
  });

  it('shows the built-in development connector read-only', async () => {
    await byTestId('connector-row-dev').getByRole('button').click();
    await expect.poll(() => byTestId('connector-source-note').textContent()).toMatch(/Built into Carepath/);
    expect(await byTestId('connector-save').count()).toBe(0);
  });
});
