/**
 * The one place a call is executed, whichever transport carried it: look the method up,
 * validate the input (a bad input never reaches the handler), run the handler, and turn any
 * failure into an AppError. Unexpected errors are logged with their stack and reach the caller
 * as a plain INTERNAL error, never as internals.
 */
import { AppError, invalidInput, isAppError } from '../domain/index.js';
import type { Core } from '../core/index.js';
import { contract, type MethodName } from './contract/index.js';
import { contractEmitter } from './events.js';
import type { Transport } from './handler.js';
import { handlers } from './handlers/index.js';

export type Dispatch = (method: string, input: unknown) => Promise<unknown>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract.methods, name);
}

export function unknownMethod(method: string): AppError {
  return new AppError(
    'NOT_FOUND',
    { vi: `Không có phương thức API "${method}"`, en: `There is no API method "${method}"` },
    { details: { method } },
  );
}

export function createDispatcher(core: Core, transport: Transport): Dispatch {
  const events = contractEmitter(core);
  return async (method, input) => {
    if (!isMethodName(method)) throw unknownMethod(method);
    const parsed = contract.methods[method].input.safeParse(input ?? {}, { reportInput: true });
    if (!parsed.success) {
      throw invalidInput(
        { vi: `Dữ liệu gọi ${method}`, en: `input for ${method}` },
        parsed.error.issues,
        { method },
      );
    }
    const log = core.log.child({ method, transport });
    const handler = handlers[method] as (
      input: unknown,
      ctx: Parameters<(typeof handlers)[MethodName]>[1],
    ) => unknown;
    try {
      return await handler(parsed.data, { core, events, log, transport });
    } catch (error) {
      if (isAppError(error)) {
        log.warn({ err: error, code: error.code }, 'call failed');
        throw error;
      }
      log.error({ err: error }, 'call failed unexpectedly');
      throw new AppError(
        'INTERNAL',
        {
          vi: 'Đã xảy ra lỗi nội bộ; chi tiết có trong nhật ký',
          en: 'An internal error occurred; see the log for details',
        },
        { details: { method }, cause: error },
      );
    }
  };
}

/** The body both transports send for a failed call. */
export function errorBody(error: unknown): AppError {
  return isAppError(error)
    ? error
    : new AppError('INTERNAL', { vi: 'Đã xảy ra lỗi nội bộ', en: 'An internal error occurred' });
}
