// The web console, as its three groups of people use it, in headless Chromium (Debian's, through
// playwright-core):
//   - a facilities manager signs in (keyboard only), finds a camera by site and part of its serial,
//     records its location, and sees it in the devices list and in the API; the same sign-in opens
//     the audit's pages;
//   - an auditor opens the dashboard, sees the flagged count the API reports, opens a finding, marks
//     it replacement-planned with a note, and sees it in the plan;
//   - a viewer sees no edit controls, and a forged POST is refused.
// Every page is screenshotted, checked for content, for a label on every control, and with axe-core
// for serious or critical accessibility violations.
//
// Environment:
//   INVENTORY_URL, AUDIT_URL              base URLs of the two services (same host name)
//   FACILITIES_USER, FACILITIES_PASSWORD  an account with the facilities role
//   AUDITOR_USER, AUDITOR_PASSWORD        an account with the auditor role
//   VIEWER_USER, VIEWER_PASSWORD          an account with the viewer role
//   SITE                                  the site to search in (default: the first with a camera that has a serial)
//   SCREENSHOT_DIR                        where the screenshots go (default deploy/target/screenshots/console)
//   CHROMIUM                              the browser (default /usr/bin/chromium)
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check, env, runInChromium } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const inventoryUrl = env('INVENTORY_URL');
const auditUrl = env('AUDIT_URL');
const facilities = { user: env('FACILITIES_USER'), password: env('FACILITIES_PASSWORD') };
const auditor = { user: env('AUDITOR_USER'), password: env('AUDITOR_PASSWORD') };
const viewer = { user: env('VIEWER_USER'), password: env('VIEWER_PASSWORD') };
const preferredSite = process.env.SITE ?? '';
const screenshots = resolve(env('SCREENSHOT_DIR', join(here, '..', 'target', 'screenshots', 'console')));
const STEP_TIMEOUT_MS = 30_000;
const TOTAL_TIMEOUT_MS = 300_000;

mkdirSync(screenshots, { recursive: true });
const log = (message) => console.log(`console-test: ${message}`);

/** A request from the page itself (same origin, with its session cookie), as a link or a script would make it. */
async function fetchInPage(page, url, form) {
  return page.evaluate(async ({ url, form }) => {
    const response = await fetch(url, form
      ? { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' }
      : { redirect: 'manual' });
    return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
  }, { url, form });
}

/** The API as curl would use it: HTTP Basic. */
async function api(base, path, account) {
  const response = await fetch(`${base}${path}`, {
    headers: {
      Accept: 'application/json',
      Authorization: `Basic ${Buffer.from(`${account.user}:${account.password}`).toString('base64')}`,
    },
  });
  check(response.ok, `GET ${path} as ${account.user} answered ${response.status}`);
  return response.json();
}

/**
 * Checks the page a person is looking at: it has content, every visible control has a label, every form
 * can be submitted from the keyboard, axe-core finds nothing serious; then keeps a screenshot.
 */
const shots = [];
async function inspect(page, name) {
  await page.waitForLoadState('domcontentloaded');
  const text = (await page.locator('main').innerText()).trim();
  check(text.length > 40, `${name}: the page is (nearly) empty: "${text}"`);
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => el.type !== 'hidden' && el.labels.length === 0 && !el.getAttribute('aria-label'))
    .map((el) => el.name || el.id));
  check(unlabelled.length === 0, `${name}: controls without a label: ${unlabelled.join(', ')}`);
  const unsubmittable = await page.evaluate(() => [...document.forms]
    .filter((f) => ![...f.querySelectorAll('button, input[type=submit]')]
      .some((b) => (b.type === 'submit' || b.tagName === 'BUTTON') && !b.disabled && b.tabIndex >= 0))
    .map((f) => f.getAttribute('action') || f.getAttribute('aria-label') || '(form)'));
  check(unsubmittable.length === 0, `${name}: forms without a keyboard-reachable submit button: ${unsubmittable.join(', ')}`);
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  check(serious.length === 0, `${name}: accessibility violations: ${JSON.stringify(serious)}`);
  const path = join(screenshots, `${String(shots.length + 1).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  check(statSync(path).size > 5000, `${name}: the screenshot is empty`);
  shots.push(path);
  log(`${name}: ${page.url()} checked (${violations.length} minor accessibility notes)`);
}

/** Signs in on the form with the keyboard only: type the name, Tab, type the password, Enter. */
async function signIn(page, base, account) {
  await page.goto(`${base}/ui/`);
  check(page.url().endsWith('/ui/login'), `${base}/ui/ without a session should go to /ui/login, went to ${page.url()}`);
  await inspect(page, `sign-in-${account.user}`);
  await page.locator('#username').focus();
  await page.keyboard.type(account.user);
  await page.keyboard.press('Tab');
  await page.keyboard.type(account.password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('/ui/login')), page.keyboard.press('Enter')]);
}

/** A page with no session: each person starts signed out. */
async function newPage(context) {
  await context.clearCookies();
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  return page;
}

async function facilitiesFlow(context) {
  const siteFilter = preferredSite ? `site=${encodeURIComponent(preferredSite)}&` : '';
  const devices = await api(inventoryUrl, `/api/v1/devices?${siteFilter}size=1000&sort=site`, facilities);
  const camera = devices.items.find((d) => d.serialNumber && d.serialNumber.length >= 8);
  check(camera, `no camera with a serial number${preferredSite ? ` at ${preferredSite}` : ''}`);
  const site = camera.site;
  const part = camera.serialNumber.slice(2, 8).toLowerCase();
  const location = `Loading dock, pole ${Date.now() % 100000}`;

  const page = await newPage(context);
  await signIn(page, inventoryUrl, facilities);
  check(page.url().endsWith('/ui/devices'), `after sign-in the console should show the devices, not ${page.url()}`);
  await inspect(page, 'devices');
  await page.locator('#f-site').selectOption(site);
  await page.locator('#f-q').fill(part);
  await Promise.all([page.waitForURL(/q=/), page.locator('#f-q').press('Enter')]);
  const row = page.locator('tbody tr', { hasText: camera.serialNumber });
  check(await row.count() === 1, `searching ${site} for "${part}" does not list ${camera.serialNumber}`);
  await inspect(page, 'devices-filtered');
  await Promise.all([page.waitForURL(/\/ui\/devices\/\d+/), row.locator('a').first().click()]);
  await inspect(page, 'device');
  await page.locator('#e-location').fill(location);
  await page.locator('form.edit button[type=submit]').focus();
  await Promise.all([page.waitForURL(/saved=1/), page.keyboard.press('Enter')]);
  check(await page.locator('[role=status]').innerText() === 'Saved.', 'the device page does not confirm the save');
  await inspect(page, 'device-saved');
  const stored = await api(inventoryUrl, `/api/v1/devices/${camera.id}`, facilities);
  check(stored.location === location, `the API says the location is "${stored.location}", not "${location}"`);
  await page.goto(`${inventoryUrl}/ui/devices?site=${encodeURIComponent(site)}&q=${encodeURIComponent(location.slice(-10))}`);
  check(await page.locator('tbody tr', { hasText: location }).count() === 1, 'the devices list does not show the new location');
  const csv = await fetchInPage(page, `/ui/devices.csv?site=${encodeURIComponent(site)}`);
  check(csv.status === 200 && csv.type.startsWith('text/csv') && csv.text.includes(location),
    `the CSV download (${csv.status}, ${csv.type}) lacks the new location`);
  await page.goto(`${inventoryUrl}/ui/sites`);
  await inspect(page, 'sites');
  // one sign-in serves both services on the same host
  await page.goto(`${auditUrl}/ui/dashboard`);
  check(page.url().endsWith('/ui/dashboard'), `the audit's console asked facilities to sign in again (${page.url()})`);
  log(`facilities: found ${camera.serialNumber} by "${part}" at ${site}, recorded "${location}", seen in list, CSV and API; signed in on both services`);
  await page.close();
  return camera;
}

async function auditorFlow(context) {
  const statuses = ['open', 'replacement-planned', 'replaced', 'risk-accepted'];
  let flagged = 0;
  for (const status of statuses) {
    flagged += (await api(auditUrl, `/api/v1/findings?status=${status}&size=1`, auditor)).total;
  }
  const page = await newPage(context);
  await signIn(page, auditUrl, auditor);
  check(page.url().endsWith('/ui/dashboard'), `after sign-in the audit console should show the dashboard, not ${page.url()}`);
  const shown = Number(await page.locator('#flagged-total').innerText());
  check(shown === flagged, `the dashboard shows ${shown} flagged devices, the API reports ${flagged}`);
  check(await page.locator('svg[role=img]').count() >= 3, 'the dashboard lacks its charts');
  await inspect(page, 'dashboard');
  await page.goto(`${auditUrl}/ui/findings?status=open&vendor=Hikvision`);
  await inspect(page, 'findings');
  const first = page.locator('tbody tr a').first();
  await Promise.all([page.waitForURL(/\/ui\/findings\/\d+/), first.click()]);
  const findingId = Number(page.url().match(/findings\/(\d+)/)[1]);
  await inspect(page, 'finding');
  const note = `Budgeted for Q1, ticket ${Date.now() % 100000}`;
  await page.locator('#d-status').selectOption('replacement-planned');
  await page.locator('#d-note').fill(note);
  await page.locator('form.edit button[type=submit]').focus();
  await Promise.all([page.waitForURL(/saved=1/), page.keyboard.press('Enter')]);
  check((await page.locator('#finding-status').innerText()).trim() === 'replacement-planned', 'the finding page does not show the decision');
  check(await page.locator('table', { hasText: note }).count() === 1, 'the history does not show the note');
  await inspect(page, 'finding-decided');
  const stored = await api(auditUrl, `/api/v1/findings/${findingId}`, auditor);
  check(stored.status === 'replacement-planned' && stored.note === note, `the API says ${stored.status} / ${stored.note}`);
  await page.goto(`${auditUrl}/ui/plan`);
  check(await page.locator(`a[href="/ui/findings/${findingId}"]`).count() === 1, `the plan does not list finding ${findingId}`);
  const plan = await api(auditUrl, '/api/v1/replacement-plan', auditor);
  check(Number(await page.locator('#plan-devices').innerText()) === plan.totals.devices, 'the plan page total differs from the API');
  await inspect(page, 'plan');
  const csv = await fetchInPage(page, '/ui/plan.csv');
  check(csv.status === 200 && csv.text.split('\n').filter(Boolean).length === plan.totals.devices + 1,
    `the plan CSV (${csv.status}) does not have a row per planned device`);
  await page.goto(`${auditUrl}/ui/policy`);
  await inspect(page, 'policy');
  await page.goto(`${auditUrl}/ui/costs`);
  check(await page.locator('form.edit').count() === 1, 'an auditor sees no cost table form');
  await inspect(page, 'costs-auditor');
  await page.goto(`${auditUrl}/ui/jurisdictions`);
  check(await page.locator('form.edit').count() >= 2, 'an auditor sees no form to set a site\'s jurisdictions');
  await inspect(page, 'jurisdictions-auditor');
  log(`auditor: dashboard shows ${flagged} flagged like the API; finding ${findingId} marked replacement-planned with a note, in the plan`);
  await page.close();
}

async function viewerFlow(context, camera) {
  const page = await newPage(context);
  await signIn(page, inventoryUrl, viewer);
  await page.goto(`${inventoryUrl}/ui/devices/${camera.id}`);
  check(await page.locator('form.edit, #e-location').count() === 0, 'a viewer sees the device edit form');
  await inspect(page, 'device-viewer');
  const token = await page.locator('form.signout input[name=csrf]').inputValue();
  const forged = await fetchInPage(page, `/ui/devices/${camera.id}`,
    { csrf: token, location: 'forged by a viewer', status: 'retired' });
  check(forged.status === 403, `a viewer's POST to the device answered ${forged.status}, not 403`);
  const noToken = await fetchInPage(page, `/ui/devices/${camera.id}`, { location: 'forged without token', status: 'retired' });
  check(noToken.status === 403, `a POST without CSRF token answered ${noToken.status}, not 403`);
  const stored = await api(inventoryUrl, `/api/v1/devices/${camera.id}`, viewer);
  check(!String(stored.location).startsWith('forged'), 'a forged POST changed the device');
  await page.goto(`${auditUrl}/ui/findings`);
  await Promise.all([page.waitForURL(/\/ui\/findings\/\d+/), page.locator('tbody tr a').first().click()]);
  check(await page.locator('#d-status, form.edit').count() === 0, 'a viewer sees the decision form');
  await inspect(page, 'finding-viewer');
  await page.goto(`${auditUrl}/ui/costs`);
  check(await page.locator('form.edit').count() === 0, 'a viewer sees the cost table form');
  await inspect(page, 'costs-viewer');
  log('viewer: no edit controls on device, finding and cost pages; forged POSTs refused with 403, nothing changed');
  await page.close();
}

await runInChromium({
  name: 'console-test', screenshots, totalMs: TOTAL_TIMEOUT_MS,
  flow: async (context) => {
    const camera = await facilitiesFlow(context);
    await auditorFlow(context);
    await viewerFlow(context, camera);
    log(`${shots.length} screenshots in ${screenshots}`);
  },
});
