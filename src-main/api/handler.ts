/**
 * What a handler is: a function from the validated input to the declared output, given the
 * core and a typed emitter. A capability implements its part of the contract with `implement`,
 * and the compiler checks that every method has exactly one handler of the right type.
 */
import type { z } from 'zod';
import type { Core } from '../core/index.js';
import type { Clerk } from '../domain/index.js';
import type { Logger } from '../platform/index.js';
import type { ContractPart, EventTable, MethodSpec, MethodTable } from './contract/index.js';
import type { ContractEmitter } from './events.js';

export type Transport = 'electron' | 'browser' | 'cli';

/**
 * Where a caller's clerk session lives: an HttpOnly cookie in browser mode, the channel itself
 * over Electron IPC (one window per station). Only the auth handlers set or clear it.
 */
export interface SessionSlot {
  readonly token: string | undefined;
  set(token: string | undefined): void;
}

export interface HandlerContext {
  core: Core;
  events: ContractEmitter;
  /** The core's log, with the method name bound. */
  log: Logger;
  transport: Transport;
  /**
   * Who is calling: the signed-in clerk (`local` identity), the OS account (`os` identity), or
   * null for the public auth methods before sign-in.
   */
  clerk: Clerk | null;
  /** The audit actor of this call: `<transport>:<user name>` (`<transport>:-` when nobody). */
  actor: string;
  session: SessionSlot;
}

export type Handler<Spec extends MethodSpec> = (
  input: z.output<Spec['input']>,
  ctx: HandlerContext,
) => Promise<NonNullable<Spec['output']['__type']>> | NonNullable<Spec['output']['__type']>;

export type Handlers<T extends MethodTable> = { [M in keyof T]: Handler<T[M]> };

export function implement<T extends MethodTable>(
  _part: ContractPart<T, EventTable>,
  handlers: NoInfer<Handlers<T>>,
): Handlers<T> {
  return handlers;
}
