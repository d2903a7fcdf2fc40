// The procurement flow, as a person does it in Swagger UI: open the service's Swagger UI,
// Authorize with a viewer account, expand an operation, "Try it out", "Execute", and read the
// rows in the response shown on the page. Runs Debian's Chromium headless through playwright-core.
//
// Environment:
//   AUDIT_URL, INVENTORY_URL        base URLs of the two services (http://127.0.0.1:8082, :8081)
//   VIEWER_USER, VIEWER_PASSWORD    an account with the viewer role on both services
//   EXPECT_PLAN_IPS                 comma-separated IPs that must appear in the replacement plan
//   ABSENT_PLAN_IPS                 comma-separated IPs that must not (cameras of other vendors)
//   EXPECT_DEVICE_IPS               comma-separated IPs that must appear in the devices list
//   SCREENSHOT_DIR                  where the screenshots go (default deploy/target/screenshots)
//   CHROMIUM                        the browser (default /usr/bin/chromium)
import { mkdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, env, runInChromium } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const auditUrl = env('AUDIT_URL');
const inventoryUrl = env('INVENTORY_URL');
const user = env('VIEWER_USER');
const password = env('VIEWER_PASSWORD');
const planIps = env('EXPECT_PLAN_IPS').split(',').filter(Boolean);
const planAbsentIps = env('ABSENT_PLAN_IPS').split(',').filter(Boolean);
const deviceIps = env('EXPECT_DEVICE_IPS').split(',').filter(Boolean);
const screenshots = resolve(env('SCREENSHOT_DIR', join(here, '..', 'target', 'screenshots')));
const STEP_TIMEOUT_MS = 30_000;
const TOTAL_TIMEOUT_MS = 180_000;

mkdirSync(screenshots, { recursive: true });

/** Opens Swagger UI at baseUrl and authorizes with HTTP Basic, as a person does with the Authorize button. */
async function openAndAuthorize(page, baseUrl, name) {
  await page.goto(`${baseUrl}/q/swagger-ui/`, { waitUntil: 'domcontentloaded' });
  await page.locator('.swagger-ui .opblock').first().waitFor();
  await page.locator('.scheme-container button.authorize').click();
  const modal = page.locator('.modal-ux');
  await modal.waitFor();
  await modal.locator('input[type=text]').first().fill(user);
  await modal.locator('input[type=password]').first().fill(password);
  await modal.locator('.auth-btn-wrapper button.authorize').first().click();
  // Once authorized, the dialog offers "Logout" for the scheme.
  await modal.locator('button', { hasText: 'Logout' }).first().waitFor();
  await page.screenshot({ path: join(screenshots, `${name}-1-authorized.png`) });
  await modal.locator('button.btn-done, button.close-modal').first().click();
  await modal.waitFor({ state: 'detached' });
}

/**
 * Expands GET path, presses "Try it out", clears the example values, types params, presses
 * "Execute", and returns the response as the page shows it.
 */
async function tryItOut(page, path, name, params) {
  const operation = page.locator('.opblock-get').filter({
    has: page.locator(`.opblock-summary-path[data-path="${path}"]`),
  }).first();
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('button.try-out__btn').click();
  // Swagger UI pre-fills the parameters with their examples; a person who wants every row clears them.
  const parameters = operation.locator('.parameters-container tr[data-param-name]');
  for (const row of await parameters.all()) {
    for (const input of await row.locator('input:not([type=checkbox]):not([type=file])').all()) {
      await input.fill('');
    }
    for (const select of await row.locator('select').all()) {
      await select.selectOption({ index: 0 });
    }
  }
  for (const [param, value] of Object.entries(params)) {
    await operation.locator(`.parameters-container tr[data-param-name="${param}"] input`).first().fill(value);
  }
  // Ask for JSON where the operation also offers CSV.
  const mediaTypes = operation.locator('.responses-wrapper select');
  if (await mediaTypes.count() > 0) {
    const options = await mediaTypes.first().locator('option').allTextContents();
    if (options.includes('application/json')) {
      await mediaTypes.first().selectOption('application/json');
    }
  }
  await operation.locator('button.execute').click();
  const live = operation.locator('.live-responses-table');
  await live.waitFor();
  const status = (await live.locator('.response .response-col_status').first().textContent()).trim();
  const body = (await live.locator('.response-col_description .highlight-code, .response-col_description pre').first().textContent()) ?? '';
  const curl = (await operation.locator('.curl-command').first().textContent()) ?? '';
  await page.screenshot({ path: join(screenshots, `${name}-2-executed.png`), fullPage: true });
  await live.screenshot({ path: join(screenshots, `${name}-3-response.png`) });
  return { status, body, curl };
}

async function flow(context, { baseUrl, path, name, ips, absent = [], params = {} }) {
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  await openAndAuthorize(page, baseUrl, name);
  const { status, body, curl } = await tryItOut(page, path, name, params);
  check(curl.includes('Authorization: Basic'), `${name}: Swagger UI did not send the viewer's credentials`);
  check(status === '200', `${name}: GET ${path} answered ${status}: ${body.slice(0, 300)}`);
  const missing = ips.filter((ip) => !body.includes(`"${ip}"`));
  check(missing.length === 0, `${name}: the page does not show ${missing.join(', ')} in GET ${path}`);
  const extra = absent.filter((ip) => body.includes(`"${ip}"`));
  check(extra.length === 0, `${name}: the page shows ${extra.join(', ')} in GET ${path}, which should not be there`);
  console.log(`browser-test: ${name}: GET ${path} -> ${status}, shows ${ips.length} expected IPs (${ips.join(', ')})`);
  await page.close();
}

await runInChromium({
  name: 'browser-test', screenshots, totalMs: TOTAL_TIMEOUT_MS,
  flow: async (context) => {
    await flow(context, {
      baseUrl: auditUrl, path: '/api/v1/replacement-plan', name: 'audit-replacement-plan', ips: planIps, absent: planAbsentIps,
    });
    // one page holds every device: the largest page size the API allows
    await flow(context, {
      baseUrl: inventoryUrl, path: '/api/v1/devices', name: 'inventory-devices', ips: deviceIps, params: { size: '1000' },
    });
    console.log(`browser-test: screenshots in ${screenshots}`);
  },
});
