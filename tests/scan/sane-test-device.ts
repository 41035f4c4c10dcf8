/**
 * The libsane `test` backend without root: a SANE_CONFIG_DIR whose dll.conf loads only `test`.
 * The scanner host inherits the environment, so set it before the first host starts.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function useSaneTestDevice(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sohoa-sane-'));
  writeFileSync(join(dir, 'dll.conf'), 'test\n');
  if (existsSync('/etc/sane.d/test.conf'))
    copyFileSync('/etc/sane.d/test.conf', join(dir, 'test.conf'));
  process.env.SANE_CONFIG_DIR = dir;
  return dir;
}

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sohoa-${prefix}-`));
  mkdirSync(dir, { recursive: true });
  return dir;
}
