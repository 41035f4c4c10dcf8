/**
 * Facts read from inside the page. The test programs are type-checked without the DOM library
 * (they are Node code), so the in-page expressions are strings, kept here once.
 */
import type { Page } from 'playwright-core';

export async function documentLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** The `id` of the focused element ('' when it has none). */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate<string>('document.activeElement?.id ?? ""');
}

export async function focusedText(page: Page): Promise<string> {
  return page.evaluate<string>('document.activeElement?.textContent ?? ""');
}

/** The cookies page script can read (HttpOnly cookies are not among them). */
export async function scriptCookies(page: Page): Promise<string> {
  return page.evaluate<string>('document.cookie');
}

/** How many faces of `family` finished loading, after the page's fonts settled. */
export async function loadedFontFaces(page: Page, family: string): Promise<number> {
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  return page.evaluate<number>(
    `[...document.fonts].filter((f) => f.family.replace(/"/g, '') === ${JSON.stringify(family)} && f.status === 'loaded').length`,
  );
}

/** The computed font-family of the first element matching a CSS selector. */
export async function computedFontFamily(page: Page, selector: string): Promise<string> {
  return page.evaluate<string>(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontFamily`,
  );
}

/** POSTs to the API from inside the page (with whatever cookie it has); returns the status. */
export async function callStatusFromPage(page: Page, method: string): Promise<number> {
  const url = JSON.stringify(`/api/call/${method}`);
  return page.evaluate<number>(
    `fetch(${url}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status)`,
  );
}

/** The page's text without the elements marked `lang=<lang>` (e.g. the other language's label). */
export async function textExceptLang(page: Page, lang: string): Promise<string> {
  return page.evaluate<string>(
    `(() => { const body = document.body.cloneNode(true); body.querySelectorAll('[lang=${JSON.stringify(lang)}]').forEach((e) => e.remove()); return body.textContent ?? ''; })()`,
  );
}
