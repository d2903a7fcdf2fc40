// What the browser tests share: reading the environment, failing with a message, and running a flow in
// Debian's Chromium (headless, through playwright-core) with a fresh profile, a time limit, and a
// screenshot of every open page when the flow fails.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Flags that keep Chromium from reaching out to the network it does not need (and cannot reach here).
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The variable's value, or the fallback; exits with 2 when neither is set. */
export function env(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === '') {
    console.error(`browser-test: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

export function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

/**
 * Runs flow(context) in a persistent Chromium context on a fresh profile, then exits the process: 0 when
 * the flow passed, 1 when it failed or ran past totalMs.
 */
export async function runInChromium({ name, screenshots, totalMs, flow }) {
  const profile = mkdtempSync(join(tmpdir(), 'camaudit-chromium-'));
  const watchdog = setTimeout(() => {
    console.error(`${name}: gave up after ${totalMs / 1000} s`);
    process.exit(1);
  }, totalMs);
  let failed = false;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env('CHROMIUM', '/usr/bin/chromium'),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 1000 },
  });
  try {
    await flow(context);
  } catch (error) {
    failed = true;
    console.error(`${name}: FAILED: ${error.message}`);
    for (const page of context.pages()) {
      await page.screenshot({ path: join(screenshots, `failure-${Date.now()}.png`), fullPage: true }).catch(() => {});
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    clearTimeout(watchdog);
  }
  process.exit(failed ? 1 : 0);
}
