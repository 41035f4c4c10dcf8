/**
 * The app root is found the same way from the sources (src-main/platform) and from the build
 * (dist/main/platform, also inside the packaged asar): the scanner addon, the imaging kernels and
 * the renderer are all located from it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appRoot, packageRootOf } from '../../src-main/platform/paths.js';

const root = mkdtempSync(join(tmpdir(), 'sohoa-app-root-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app root', () => {
  it('is the checkout when running from the sources', () => {
    expect(appRoot()).toBe(join(import.meta.dirname, '../..'));
  });

  it('is the folder holding package.json from the build’s deeper folders too', () => {
    writeFileSync(join(root, 'package.json'), '{}');
    const built = join(root, 'dist', 'main', 'platform');
    const sources = join(root, 'src-main', 'platform');
    mkdirSync(built, { recursive: true });
    mkdirSync(sources, { recursive: true });
    expect(packageRootOf(built)).toBe(root);
    expect(packageRootOf(sources)).toBe(root);
  });

  it('says where it looked when there is no package.json above', () => {
    expect(() => packageRootOf('/')).toThrow(/no package.json at or above \//);
  });
});
