/**
 * The application log: JSON lines (pino) in `<dataDir>/logs`, rotated daily and by size, oldest
 * files removed. Stack traces and details go here for IT staff; people at the counter only see
 * the plain localized message of an AppError.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import pinoRoll from 'pino-roll';
import { maskPersonalNumbers } from './personal-numbers.js';

export type { Logger } from 'pino';

export interface FileLogOptions {
  dataDir: string;
  level: pino.LevelWithSilent;
  maxFileSizeMb: number;
  /** Rotated files kept besides the current one. */
  keepFiles: number;
}

export interface FileLogger {
  logger: Logger;
  /** The folder holding the log files. */
  dir: string;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

export function logDir(dataDir: string): string {
  return join(dataDir, 'logs');
}

export async function createFileLogger(options: FileLogOptions): Promise<FileLogger> {
  const dir = logDir(options.dataDir);
  // pino-roll links current.log before its stream has created the folder: create it first.
  mkdirSync(dir, { recursive: true });
  const stream = await pinoRoll({
    file: join(dir, 'sohoa'),
    extension: '.log',
    frequency: 'daily',
    size: `${options.maxFileSizeMb}m`,
    mkdir: true,
    // `current.log` always names the live file; Windows needs privileges for symlinks.
    symlink: process.platform !== 'win32',
    // Also prune files from earlier runs, which pino-roll otherwise forgets (it prunes before
    // creating the next file, so `count` old files remain beside the live one).
    limit: { count: options.keepFiles, removeOtherLogFiles: true },
  });
  const logger = pino(
    {
      level: options.level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: pino.stdSerializers.err },
      // Tokens and secrets must never reach a log file.
      redact: {
        paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.cookie'],
        censor: '[redacted]',
      },
      // …nor a citizen's CCCD, CMND or phone number, wherever a message quotes one.
      hooks: { streamWrite: maskPersonalNumbers },
    },
    stream,
  );
  return {
    logger,
    dir,
    close: () =>
      new Promise<void>((resolve) => {
        logger.flush(() => {
          stream.once('close', () => resolve());
          stream.end();
        });
      }),
  };
}

/** A logger that discards everything (short CLI commands, unit tests of handlers). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
