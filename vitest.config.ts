import { defineConfig } from 'vitest/config';

// Unit, integration and e2e suites run in one `npm test`. Integration tests use real parts
// (SQLite files in temp dirs, the libsane test device, tesseract.js, Chromium), so they get
// generous timeouts and run in forked processes (native addons are not worker-thread safe).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
    outputFile: {},
  },
});
