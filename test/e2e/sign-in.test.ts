import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OidcIssuer } from '../../src/platform/auth/oidc';
import { defaultConsoleDir } from '../../src/platform/http/console';
import { chromiumPath } from '../support/chromium';
import { startTestApp, type TestApp } from '../support/harness';
import {
  CONSOLE_CLIENT,
  startTestProvider,
  TEST_AUDIENCE,
  type TestProvider,
} from '../support/oidc';

/**
 * The console signs in with a real OpenID provider (oidc-provider, in process): the
 * authorisation code flow with PKCE through the provider's own login and consent pages, the
 * access token refreshed before it ends, and the provider's logout.
 */
const CLAIMS = { role: 'role', agency: 'agency', nip: 'nip' };

let provider: TestProvider;
let app: TestApp;
let browser: Browser;
let page: Page;

const storedToken = () =>
  page.evaluate<string | null>(`sessionStorage.getItem('competency-graph.token')`);

beforeAll(async () => {
  if (!existsSync(path.join(defaultConsoleDir(), 'index.html')))
    throw new Error('The console is not built: run `npm run web:build` (npm test does it first).');
  provider = await startTestProvider({ rahmat: { role: 'COMMITTEE', agency: 'PROV-MALUKU' } });
  app = await startTestApp('demo', {
    oidc: new OidcIssuer({ issuer: provider.issuer, audience: TEST_AUDIENCE, claims: CLAIMS }),
    consoleSignIn: { issuer: provider.issuer, clientId: CONSOLE_CLIENT, claims: CLAIMS },
  });
  provider.allowConsole(app.url);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'id-ID' });
  // The page's clock, moved by the refresh test; it runs on as usual until then.
  await page.clock.install();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await provider?.close();
});

describe('signing in to the console with the agency’s identity provider', () => {
  it('goes to the provider, logs in there, and comes back signed in as the user’s role', async () => {
    await page.goto(app.url);
    await page.getByTestId('provider-sign-in').click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.locator('input[name=login]').fill('rahmat');
    await page.locator('input[name=password]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${app.url}/**`);
    await expect
      .poll(() => page.getByTestId('role').textContent(), { timeout: 15_000 })
      .toBe('Masuk sebagai Panitia seleksi · PROV-MALUKU');
    // The API answers the provider's token: the committee's positions are listed.
    await expect
      .poll(() => page.getByTestId('positions').locator('tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(1);
    // The code is not left in the address.
    expect(new URL(page.url()).search).toBe('');
  });

  it('refreshes the access token before it ends, and goes on working with the new one', async () => {
    const first = await storedToken();
    // The provider's access tokens live 300 s; the console refreshes a minute before.
    await page.clock.fastForward('04:05');
    await expect.poll(storedToken, { timeout: 15_000 }).not.toBe(first);
    await page.reload();
    await expect
      .poll(() => page.getByTestId('positions').locator('tbody tr').count(), { timeout: 15_000 })
      .toBeGreaterThan(1);
  });

  it('signs out at the provider too, and comes back to the sign-in page', async () => {
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL(`${provider.issuer}/**`);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${app.url}/**`);
    await expect
      .poll(() => page.getByTestId('provider-sign-in').count(), { timeout: 15_000 })
      .toBe(1);
    expect(await storedToken()).toBeNull();
    // Signed out at the provider: signing in again asks for the login once more.
    await page.getByTestId('provider-sign-in').click();
    await page.waitForURL(`${provider.issuer}/**`);
    await expect.poll(() => page.locator('input[name=login]').count()).toBe(1);
  });
});
