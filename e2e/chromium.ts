// Finds a Chromium for Playwright: CHROMIUM_PATH, else the system's, else Playwright's own.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export class ChromiumNotFound extends Error {
  override name = 'ChromiumNotFound';
}

/** The browser executable to use, or a ChromiumNotFound naming what to install. */
export function findChromium(env: Record<string, string | undefined> = process.env, exists: (p: string) => boolean = existsSync): string {
  const configured = env.CHROMIUM_PATH;
  if (configured) {
    if (exists(configured)) return configured;
    throw new ChromiumNotFound(`CHROMIUM_PATH is set to ${configured}, but no file is there.`);
  }
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (exists(candidate)) return candidate;
  }
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no browser of its own.
  }
  if (bundled && exists(bundled)) return bundled;
  throw new ChromiumNotFound(
    'No Chromium found for the end-to-end tests. Install one: "apt-get install -y chromium" (Debian/Ubuntu), ' +
      'or "npx playwright install chromium" where downloads are allowed; or set CHROMIUM_PATH to a Chromium binary.',
  );
}
