import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('sohoa command', () => {
  it('prints help and exits 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('serve');
    expect(result.stdout).toContain('config');
    expect(result.stdout).toContain('--data-dir');
  });

  it('rejects an unknown command with a message and exit code 2', async () => {
    const result = await runCli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('rejects an unknown flag with a message and exit code 2', async () => {
    const result = await runCli(['serve', '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--bogus'/);
  });
});
