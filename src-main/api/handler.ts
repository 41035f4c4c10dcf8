/**
 * What a handler is: a function from the validated input to the declared output, given the
 * core and a typed emitter. A capability implements its part of the contract with `implement`,
 * and the compiler checks that every method has exactly one handler of the right type.
 */
import type { z } from 'zod';
import type { Core } from '../core/index.js';
import type { Logger } from '../platform/index.js';
import type { ContractPart, EventTable, MethodSpec, MethodTable } from './contract/index.js';
import type { ContractEmitter } from './events.js';

export type Transport = 'electron' | 'browser' | 'cli';

export interface HandlerContext {
  core: Core;
  events: ContractEmitter;
  /** The core's log, with the method name bound. */
  log: Logger;
  transport: Transport;
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
