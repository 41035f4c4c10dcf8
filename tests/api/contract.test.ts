import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, createDispatcher } from '../../src-main/api/index.js';
import { defineContract, method, returns } from '../../src-main/api/contract/index.js';
import { mergeContracts } from '../../src-main/api/contract/define.js';
import { handlers } from '../../src-main/api/handlers/index.js';
import { createCore } from '../../src-main/core/index.js';
import { isAppError } from '../../src-main/domain/index.js';

describe('API contract', () => {
  it('has exactly one handler per method', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract.methods).sort());
  });

  it('names methods and events <capability>.<name>', () => {
    for (const name of [...Object.keys(contract.methods), ...Object.keys(contract.events)]) {
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/);
    }
  });

  it('refuses a method declared by two capabilities', () => {
    const part = defineContract({
      methods: {
        'x.ping': method({ summary: 'ping', input: z.strictObject({}), output: returns<string>() }),
      },
    });
    expect(() => mergeContracts([part, part])).toThrow(/"x.ping" is declared twice/);
  });
});

describe('dispatcher', () => {
  it('validates before the handler runs and maps unknown methods to NOT_FOUND', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sohoa-dispatch-'));
    const core = createCore({
      dataDir: dir,
      env: { SOHOA_MACHINE_CONFIG: join(dir, 'none.json') },
    });
    const dispatch = createDispatcher(core, 'cli');
    try {
      const info = (await dispatch('app.info', undefined)) as {
        transport: string;
        version: string;
      };
      expect(info.transport).toBe('browser');
      expect(info.version).toMatch(/^\d+\.\d+\.\d+/);

      const bad = await dispatch('config.set', { patch: { logging: { level: 'loud' } } }).catch(
        (e: unknown) => e,
      );
      expect(isAppError(bad) && bad.code).toBe('VALIDATION');
      expect(core.config.logging.level).toBe('info');

      const missing = await dispatch('nope.nothing', {}).catch((e: unknown) => e);
      expect(isAppError(missing) && missing.code).toBe('NOT_FOUND');
    } finally {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
