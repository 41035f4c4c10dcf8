import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_URL,
  isAppUrl,
  resolveAppFile,
  secureWebPreferences,
} from '../../src-main/app/security.js';

describe('desktop window security', () => {
  it('runs the renderer sandboxed, isolated, without Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('recognises only the app origin', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl('sohoa://app/#/tra-cuu')).toBe(true);
    for (const url of [
      'https://example.com/',
      'sohoa://evil/index.html',
      'file:///etc/passwd',
      'not a url',
      undefined,
    ]) {
      expect(isAppUrl(url)).toBe(false);
    }
  });

  it('maps app URLs to files inside the renderer folder only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sohoa-renderer-'));
    try {
      expect(resolveAppFile(dir, 'sohoa://app/')).toBe(join(dir, 'index.html'));
      expect(resolveAppFile(dir, 'sohoa://app/hang-doi')).toBe(join(dir, 'index.html'));
      expect(resolveAppFile(dir, 'sohoa://app/assets/app.js')).toBe(join(dir, 'assets', 'app.js'));
      expect(resolveAppFile(dir, 'sohoa://app/..%2F..%2Fetc%2Fpasswd.txt')).toBeUndefined();
      expect(resolveAppFile(dir, 'sohoa://app/%E0%A4%A.js')).toBeUndefined();
      expect(resolveAppFile(dir, 'sohoa://other/index.html')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
