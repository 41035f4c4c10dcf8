/**
 * One line per UI test file: `const ui = useUiSession();` builds the renderer if needed, starts
 * `sohoa serve` on a temp data dir and a fresh Chromium before the file's tests, and tears both
 * down after. `ui.openApp()` opens a page logged in with the token, on the frame, with its
 * problems collected.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, watchProblems, type Browser } from './browser.js';
import { ensureRendererBuilt } from './renderer-build.js';
import { startServe, type ServeOptions, type ServeProcess } from './server.js';

export interface OpenedApp {
  page: Page;
  /** Console errors, page errors and failed requests seen so far; a healthy page has none. */
  problems: string[];
}

export interface UiSession {
  readonly serve: ServeProcess;
  readonly browser: Browser;
  /** A new tab opened on the URL `sohoa serve` printed; resolves once the frame is shown. */
  openApp(options?: { hash?: string }): Promise<OpenedApp>;
  /** A new tab with nothing open yet (for tests that must not carry the token). */
  newPage(): Promise<OpenedApp>;
  /** Stops `sohoa serve` and starts it again on the same data (as after IT changed the machine
   * file); pages opened before talk to the stopped process. */
  restartServe(): Promise<void>;
}

export function useUiSession(options: ServeOptions = {}): UiSession {
  let serve: ServeProcess | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await ensureRendererBuilt();
    [serve, browser] = await Promise.all([startServe(options), launchBrowser()]);
  });

  // A failed UI test often says only "did not succeed in time": what the core printed says why.
  afterEach(({ task }) => {
    if (task.result?.state === 'fail' && serve)
      console.error(
        `--- sohoa serve output (last 6000 characters) ---\n${serve.output().slice(-6000)}`,
      );
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), serve?.stop()]);
  });

  const session: UiSession = {
    get serve() {
      if (!serve) throw new Error('useUiSession: sohoa serve is not running (beforeAll failed?)');
      return serve;
    },
    get browser() {
      if (!browser) throw new Error('useUiSession: Chromium is not running (beforeAll failed?)');
      return browser;
    },
    async newPage() {
      const page = await session.browser.context.newPage();
      return { page, problems: watchProblems(page) };
    },
    async restartServe() {
      const { dataDir } = session.serve;
      await session.serve.stop({ keepData: true });
      serve = undefined;
      serve = await startServe({ ...options, dataDir });
    },
    async openApp(open = {}) {
      const opened = await session.newPage();
      await opened.page.goto(session.serve.openUrl + (open.hash ?? ''));
      await opened.page.getByRole('main').waitFor();
      return opened;
    },
  };
  return session;
}
