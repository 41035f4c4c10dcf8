import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eOutputDir } from './paths.js';

/** Saves a full-page screenshot as `test-results/e2e/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(e2eOutputDir, { recursive: true });
  const path = join(e2eOutputDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
