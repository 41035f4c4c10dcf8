/**
 * What every command gets: the resolved data directory, output helpers that respect `--json`,
 * and one way to fail. Commands throw AppError; `main.ts` turns it into a message and an exit
 * code, so no command prints stack traces or calls process.exit itself.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defaultDataDir } from '../platform/index.js';

export interface GlobalOptions {
  dataDir?: string;
  uiLang?: 'vi' | 'en';
}

export interface CliContext {
  /** The data directory (created on first use): --data-dir, SOHOA_DATA_DIR, or the OS default. */
  dataDir(): string;
  lang(): 'vi' | 'en';
  /** Print a JSON document on stdout (machine output). */
  printJson(value: unknown): void;
  /** Print a line for people on stdout. */
  print(line: string): void;
}

export function createContext(program: Command): CliContext {
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  return {
    dataDir() {
      const dir = resolve(globals().dataDir ?? process.env.SOHOA_DATA_DIR ?? defaultDataDir());
      mkdirSync(dir, { recursive: true });
      return dir;
    },
    lang() {
      return globals().uiLang ?? (process.env.SOHOA_LANG === 'en' ? 'en' : 'vi');
    },
    printJson(value) {
      process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    print(line) {
      process.stdout.write(`${line}\n`);
    },
  };
}

/** A command module: adds its subcommands to the program. */
export type RegisterCommands = (program: Command, ctx: CliContext) => void;
