import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Stores made by tests keep their data keys in a throwaway folder, never the user's keychain folder.
const keyDir = process.env.SOHOA_KEY_DIR ?? mkdtempSync(join(tmpdir(), 'sohoa-test-keys-'));

// Unit, integration and e2e suites run in one `npm test`. Integration tests use real parts
// (SQLite files in temp dirs, the libsane test device, tesseract.js, Chromium), so they get
// generous timeouts and run in forked processes (native addons are not worker-thread safe).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    env: { SOHOA_KEY_DIR: keyDir },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    outputFile: {},
  },
});
