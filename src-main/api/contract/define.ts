/**
 * The building blocks of the API contract. A method pairs a zod input schema (validated at every
 * transport boundary) with an output type; an event names a payload type. Output and payload
 * types exist only for the compiler (`returns<T>()`), so the renderer can import the contract's
 * types without pulling in any runtime code.
 */
import type { z } from 'zod';

/** A compile-time-only type carrier: no value is ever stored in it. */
export interface TypeOf<T> {
  readonly __type?: T;
}

/** Declares the output type of a method or the payload type of an event. */
export function returns<T>(): TypeOf<T> {
  return {};
}

export interface MethodSpec<Input extends z.ZodType = z.ZodType, Output = unknown> {
  /** One line for people reading the contract (and the docs). */
  summary: string;
  input: Input;
  output: TypeOf<Output>;
}

export interface EventSpec<Payload = unknown> {
  summary: string;
  payload: TypeOf<Payload>;
}

export type MethodTable = Record<string, MethodSpec>;
export type EventTable = Record<string, EventSpec>;

/** One capability's part of the contract. */
export interface ContractPart<
  M extends MethodTable = MethodTable,
  E extends EventTable = EventTable,
> {
  methods: M;
  events: E;
}

export function method<Input extends z.ZodType, Output>(
  spec: MethodSpec<Input, Output>,
): MethodSpec<Input, Output> {
  return spec;
}

export function event<Payload>(summary: string): EventSpec<Payload> {
  return { summary, payload: returns<Payload>() };
}

/** Keeps the exact method and event names of a capability's part (no widening to string). */
export function defineContract<
  M extends MethodTable,
  E extends EventTable = Record<never, never>,
>(part: { methods: M; events?: E }): ContractPart<M, E> {
  return { methods: part.methods, events: (part.events ?? {}) as E };
}

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (
  arg: infer I,
) => void
  ? I
  : never;

type Flatten<T> = { [K in keyof T]: T[K] };

export type MergedMethods<Parts extends readonly ContractPart[]> = Flatten<
  UnionToIntersection<Parts[number]['methods']>
>;
export type MergedEvents<Parts extends readonly ContractPart[]> = Flatten<
  UnionToIntersection<Parts[number]['events']>
>;

/**
 * Merges the capabilities' parts into the one table of methods and the one table of events.
 * A name declared twice is a programming error caught when the module loads (and by the tests).
 */
export function mergeContracts<const Parts extends readonly ContractPart[]>(
  parts: Parts,
): { methods: MergedMethods<Parts>; events: MergedEvents<Parts> } {
  const methods: MethodTable = {};
  const events: EventTable = {};
  for (const part of parts) {
    for (const [name, spec] of Object.entries(part.methods)) {
      if (name in methods) throw new Error(`API contract: method "${name}" is declared twice`);
      methods[name] = spec;
    }
    for (const [name, spec] of Object.entries(part.events)) {
      if (name in events) throw new Error(`API contract: event "${name}" is declared twice`);
      events[name] = spec;
    }
  }
  return { methods: methods as MergedMethods<Parts>, events: events as MergedEvents<Parts> };
}
