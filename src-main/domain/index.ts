export { AppError, isAppError } from './errors.js';
export type { ErrorCode, LocalizedMessage } from './errors.js';
export { describeIssues, invalidInput } from './validation.js';
