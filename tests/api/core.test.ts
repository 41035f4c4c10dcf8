import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, defineService } from '../../src-main/core/index.js';
import { isAppError } from '../../src-main/domain/index.js';

describe('core composition root', () => {
  it('creates each service once on first use, disposes dependents before dependencies, then refuses new use', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sohoa-core-'));
    const order: string[] = [];
    const store = defineService({
      name: 'store',
      create: (core) => {
        order.push('create store');
        return { path: join(core.dataDir, 'sohoa.db') };
      },
      dispose: () => void order.push('dispose store'),
    });
    const dossiers = defineService({
      name: 'dossiers',
      create: (core) => {
        order.push('create dossiers');
        return { store: core.use(store) };
      },
      dispose: () => {
        order.push('dispose dossiers');
        throw new Error('a failing disposal must not stop the others');
      },
    });
    const core = createCore({
      dataDir: dir,
      env: { SOHOA_MACHINE_CONFIG: join(dir, 'none.json') },
    });
    try {
      const first = core.use(dossiers);
      expect(core.use(dossiers)).toBe(first);
      expect(first.store.path).toBe(join(dir, 'sohoa.db'));
      expect(order).toEqual(['create dossiers', 'create store']);

      await core.close();
      // a service is closed before the services it used while being created
      expect(order.slice(2)).toEqual(['dispose dossiers', 'dispose store']);
      const refused = (() => {
        try {
          core.use(store);
        } catch (error) {
          return error;
        }
      })();
      expect(isAppError(refused) && refused.code).toBe('UNAVAILABLE');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
