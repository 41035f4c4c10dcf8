/**
 * docs/ADMIN-GUIDE.md documents every configuration key: the key table must list exactly the
 * schema's keys, with the right environment variable and default, so the guide cannot drift.
 * The doctor checks it lists must be the ones `sohoa doctor` runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, environmentKeys } from '../../src-main/platform/index.js';

const guide = readFileSync(join(import.meta.dirname, '../../docs/ADMIN-GUIDE.md'), 'utf8');

/** Rows `| \`section.key\` | \`VAR\` | default | meaning |` of the key table. */
function keyRows(): Map<string, { variable: string; fallback: string; meaning: string }> {
  const rows = new Map<string, { variable: string; fallback: string; meaning: string }>();
  for (const m of guide.matchAll(
    /^\|\s*`([a-z]+\.[A-Za-z0-9]+)`\s*\|\s*`(SOHOA_[A-Z0-9_]+)`\s*\|\s*(.+?)\s*\|\s*(.+?)\s*\|$/gm,
  )) {
    rows.set(m[1] as string, {
      variable: m[2] as string,
      fallback: m[3] as string,
      meaning: m[4] as string,
    });
  }
  return rows;
}

describe('docs/ADMIN-GUIDE.md', () => {
  it('documents every configuration key, its variable and its default, and no other', () => {
    const rows = keyRows();
    const schemaKeys = environmentKeys();
    expect([...rows.keys()].sort()).toEqual(schemaKeys.map((k) => `${k.section}.${k.key}`).sort());
    const defaults = configSchema.parse({}) as Record<string, Record<string, unknown>>;
    for (const { section, key, variable } of schemaKeys) {
      const row = rows.get(`${section}.${key}`);
      expect(row?.variable, `${section}.${key}`).toBe(variable);
      const value = defaults[section]?.[key];
      const documented =
        row?.fallback === '—' ? undefined : JSON.parse(row?.fallback.replace(/^`|`$/g, '') ?? '');
      expect(documented, `default of ${section}.${key}`).toEqual(value);
      expect(row?.meaning.trim().length, `meaning of ${section}.${key}`).toBeGreaterThan(10);
    }
  });

  it('lists the checks sohoa doctor runs', async () => {
    const { stationDoctorChecks } = await import('../../src-main/core/diagnostics/index.js');
    const ids = stationDoctorChecks({
      dataDir: '/nonexistent',
      env: {},
      config: configSchema.parse({}),
    }).map((c) => c.id);
    for (const id of [...ids, 'store.integrity', 'store.references', 'store.blobs', 'store.audit'])
      expect(guide).toMatch(new RegExp(`^\\| \`${id.replace('.', '\\.')}\`\\s+\\|`, 'm'));
  });

  it('explains silent install, scanner setup and updates that are never automatic', () => {
    for (const phrase of [
      'GATEWAY_URL=',
      'AGENCY_CODE=',
      'msiexec /i',
      'scanner` group',
      'udev',
      'TWAIN',
      'never automatic by default',
      'support-bundle',
    ])
      expect(guide).toContain(phrase);
  });
});
