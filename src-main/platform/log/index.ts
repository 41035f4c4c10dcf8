export { createFileLogger, silentLogger, logDir } from './logger.js';
export type { FileLogger, FileLogOptions, Logger } from './logger.js';
