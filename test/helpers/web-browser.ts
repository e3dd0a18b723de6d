import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; override with CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, sandbox-less headless run in CI containers. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/**
 * Launches headless Chromium with a fresh temporary profile. Throws a message saying what to install when it cannot
 * start: the browser tests must fail, never skip, on a machine without a browser.
 *
 * @example
 * const browser = await launchChromium();
 * const context = await browser.newContext();
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`web tests: no Chromium at ${chromiumPath}; install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
  }
  try {
    return await chromium.launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs], timeout: 30_000 });
  } catch (error) {
    throw new Error(`web tests: Chromium at ${chromiumPath} did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
