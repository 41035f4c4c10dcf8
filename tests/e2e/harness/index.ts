export { useUiSession } from './session.js';
export type { OpenedApp, UiSession } from './session.js';
export { startServe } from './server.js';
export type { ServeOptions, ServeProcess } from './server.js';
export { launchBrowser, watchProblems, chromiumPath } from './browser.js';
export type { Browser } from './browser.js';
export { ensureRendererBuilt, rendererIsStale } from './renderer-build.js';
export { saveScreenshot } from './screenshots.js';
export { e2eOutputDir, repoRoot } from './paths.js';
export {
  callStatusFromPage,
  computedFontFamily,
  documentLang,
  focusedId,
  focusedText,
  loadedFontFaces,
  scriptCookies,
  textExceptLang,
} from './page-facts.js';
export { eventually, SCANNER_TIMEOUT_MS, UI_TIMEOUT_MS } from './eventually.js';
