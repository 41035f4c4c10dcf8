/**
 * The one place a call is executed, whichever transport carried it: look the method up, check
 * who is calling (the clerk's session and role, see core/identity), validate the input (a bad
 * input never reaches the handler), run the handler, and turn any failure into an AppError.
 * Unexpected errors are logged with their stack and reach the caller as a plain INTERNAL error,
 * never as internals.
 */
import { AppError, auditActor, invalidInput, isAppError } from '../domain/index.js';
import type { Core } from '../core/index.js';
import { accessFor, identityService } from '../core/identity/index.js';
import { contract, type MethodName } from './contract/index.js';
import { contractEmitter } from './events.js';
import type { SessionSlot, Transport } from './handler.js';
import { handlers } from './handlers/index.js';

/** What a transport knows of the caller of one call. */
export interface Caller {
  session: SessionSlot;
}

/** Without a caller, the call uses the dispatcher's own session (Electron: one window). */
export type Dispatch = (method: string, input: unknown, caller?: Caller) => Promise<unknown>;

function memorySessionSlot(): SessionSlot {
  let token: string | undefined;
  return {
    get token() {
      return token;
    },
    set(next) {
      token = next;
    },
  };
}

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
  const channelSession = memorySessionSlot();
  return async (method, input, caller) => {
    if (!isMethodName(method)) throw unknownMethod(method);
    const session = caller?.session ?? channelSession;
    // Refused callers learn nothing about the method's input rules.
    const clerk = await core
      .use(identityService)
      .authorize(method, accessFor(method), session.token)
      .catch((error: unknown) => {
        core.log.warn({ err: error, method, transport }, 'call refused');
        throw error;
      });
    const parsed = contract.methods[method].input.safeParse(input ?? {}, { reportInput: true });
    if (!parsed.success) {
      throw invalidInput(
        { vi: `Dữ liệu gọi ${method}`, en: `input for ${method}` },
        parsed.error.issues,
        { method },
      );
    }
    const log = core.log.child({ method, transport, clerk: clerk?.username });
    const handler = handlers[method] as (
      input: unknown,
      ctx: Parameters<(typeof handlers)[MethodName]>[1],
    ) => unknown;
    try {
      return await handler(parsed.data, {
        core,
        events,
        log,
        transport,
        clerk,
        actor: auditActor(transport, clerk ?? { username: '-' }),
        session,
      });
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
