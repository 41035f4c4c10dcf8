/**
 * `sohoa` entry point. Maps failures to a plain message on stderr and a non-zero exit code:
 * 2 for usage errors, 1 for everything else. Stack traces go to the log, never to the clerk.
 */
import { CommanderError } from 'commander';
import { isAppError } from '../domain/index.js';
import { buildProgram } from './program.js';

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit with 0; commander already printed the message for usage errors
      return error.exitCode === 0 ? 0 : 2;
    }
    const lang = program.opts<{ uiLang?: 'vi' | 'en' }>().uiLang ?? (process.env.SOHOA_LANG === 'en' ? 'en' : 'vi');
    if (isAppError(error)) {
      process.stderr.write(`Lỗi/Error [${error.code}]: ${error.localized(lang)}\n`);
      if (lang === 'vi') process.stderr.write(`  (${error.message})\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`Lỗi/Error: ${message}\n`);
    }
    return 1;
  }
}

process.exitCode = await run(process.argv);
