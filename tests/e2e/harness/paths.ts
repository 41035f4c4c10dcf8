import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** Screenshots and traces land here (ignored by git, kept by CI as artifacts). */
export const e2eOutputDir = join(repoRoot, 'test-results', 'e2e');
